package deltakv.engine.raft;

import java.time.Duration;

/**
 * Tunables of a node's Raft member. Defaults suit a shared 2-core machine: election timeouts long
 * enough not to flap under load, short enough that a leader kill costs about a second.
 *
 * @param electionMin        lower bound of the randomized election timeout
 * @param electionMax        upper bound
 * @param snapshotThreshold  take a snapshot (and purge the log up to it) every this many entries; 0 = never
 * @param maxBatchGroups     most operation groups per log entry
 * @param maxInFlight        batches submitted but not yet answered, per node
 * @param commitTimeout      how long a commit may wait before its outcome is declared unknown
 */
public record RaftSettings(Duration electionMin, Duration electionMax, long snapshotThreshold, int maxBatchGroups,
                           int maxInFlight, Duration commitTimeout) {
    public static RaftSettings defaults() {
        return new RaftSettings(Duration.ofMillis(400), Duration.ofMillis(800), 10_000, 512, 8, Duration.ofSeconds(10));
    }

    public RaftSettings withSnapshotThreshold(long n) {
        return new RaftSettings(electionMin, electionMax, n, maxBatchGroups, maxInFlight, commitTimeout);
    }

    public RaftSettings withCommitTimeout(Duration d) {
        return new RaftSettings(electionMin, electionMax, snapshotThreshold, maxBatchGroups, maxInFlight, d);
    }
}
