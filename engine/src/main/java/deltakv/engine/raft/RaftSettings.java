package deltakv.engine.raft;

import java.time.Duration;

/**
 * Tunables of a node's Raft member. Defaults suit a shared 2-core machine: election timeouts long
 * enough not to flap under load, short enough that a leader kill costs about a second.
 *
 * @param electionMin        lower bound of the randomized election timeout
 * @param electionMax        upper bound
 * @param snapshotThreshold  take a snapshot (and purge the log up to it) every this many entries; 0 = never
 * @param logSegmentBytes    Raft log segment size; only closed segments can be purged
 * @param maxBatchGroups     most operation groups per log entry
 * @param maxInFlight        batches submitted but not yet answered, per node. 1 measured best here: a
 *                           round costs ~the same with 3 or 18 groups, so fewer, fuller batches win
 *                           (64 clients: 1870 SET/s at 1, 750 at 2, ~660-1050 at 4)
 * @param commitTimeout      how long a commit may wait before its outcome is declared unknown
 * @param batchLinger        how long a batch may wait for the commits its predecessor carried to come
 *                           back (see {@link BatchSubmitter}); 0 = never wait
 */
public record RaftSettings(Duration electionMin, Duration electionMax, long snapshotThreshold, long logSegmentBytes,
                           int maxBatchGroups, int maxInFlight, Duration commitTimeout, Duration batchLinger) {
    /**
     * The defaults; {@code -Ddkv.raft.lingerMicros} and {@code -Ddkv.raft.maxInFlight} on the node JVM
     * override two of them (for benchmarking, see docs/replication.md), {@code -Ddkv.raft.snapshotEvery=N}
     * snapshots every N entries with small log segments (process tests of snapshot catch-up).
     */
    public static RaftSettings defaults() {
        RaftSettings d = new RaftSettings(Duration.ofMillis(400), Duration.ofMillis(800), 20_000, 8L << 20, 512,
                Integer.getInteger("dkv.raft.maxInFlight", 1), Duration.ofSeconds(10),
                Duration.ofNanos(1000L * Long.getLong("dkv.raft.lingerMicros", 10_000)));
        Long every = Long.getLong("dkv.raft.snapshotEvery");
        return every == null ? d : d.withFrequentSnapshots(every); // tests: purge the log early
    }

    /** Snapshot every {@code entries} entries with small log segments, so purging happens early (tests). */
    public RaftSettings withFrequentSnapshots(long entries) {
        return new RaftSettings(electionMin, electionMax, entries, 128 << 10, maxBatchGroups, maxInFlight,
                commitTimeout, batchLinger);
    }

    public RaftSettings withoutSnapshots() {
        return new RaftSettings(electionMin, electionMax, 0, logSegmentBytes, maxBatchGroups, maxInFlight,
                commitTimeout, batchLinger);
    }

    public RaftSettings withMaxInFlight(int n) {
        return new RaftSettings(electionMin, electionMax, snapshotThreshold, logSegmentBytes, maxBatchGroups, n,
                commitTimeout, batchLinger);
    }

    public RaftSettings withCommitTimeout(Duration d) {
        return new RaftSettings(electionMin, electionMax, snapshotThreshold, logSegmentBytes, maxBatchGroups,
                maxInFlight, d, batchLinger);
    }

    public RaftSettings withBatchLinger(Duration d) {
        return new RaftSettings(electionMin, electionMax, snapshotThreshold, logSegmentBytes, maxBatchGroups,
                maxInFlight, commitTimeout, d);
    }
}
