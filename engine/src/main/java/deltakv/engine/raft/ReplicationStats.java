package deltakv.engine.raft;

import java.util.concurrent.atomic.AtomicLong;

/** Counters the admin commands report; updated by the state machine and the committer. */
public final class ReplicationStats {
    final AtomicLong entriesApplied = new AtomicLong();
    final AtomicLong groupsCommitted = new AtomicLong();
    final AtomicLong groupsConflicted = new AtomicLong();
    final AtomicLong groupsStale = new AtomicLong();
    final AtomicLong batchesSubmitted = new AtomicLong();
    final AtomicLong groupsSubmitted = new AtomicLong();
    final AtomicLong staleRetries = new AtomicLong();
    final AtomicLong ambiguous = new AtomicLong();
    /** Where a batch's time goes (nanos, summed): waiting for its first group after the previous reply... */
    final AtomicLong batchIdleNanos = new AtomicLong();
    /** ...lingering for more groups... */
    final AtomicLong batchLingerNanos = new AtomicLong();
    /** ...and from submission to the reply (replication, commit and the leader's apply). */
    final AtomicLong batchRoundNanos = new AtomicLong();
    /** Read rounds (one leadership confirmation each, shared by the reads that joined it) and their time. */
    final AtomicLong readRounds = new AtomicLong();
    final AtomicLong readRoundNanos = new AtomicLong();
    /** Linearizable reads served by a recent round's leadership window, with no round of their own. */
    final AtomicLong windowReads = new AtomicLong();
    /** Time this replica spent applying entries. */
    final AtomicLong applyNanos = new AtomicLong();

    public long entriesApplied() {
        return entriesApplied.get();
    }

    public long groupsCommitted() {
        return groupsCommitted.get();
    }

    public long groupsConflicted() {
        return groupsConflicted.get();
    }

    public long groupsStale() {
        return groupsStale.get();
    }

    public long batchesSubmitted() {
        return batchesSubmitted.get();
    }

    public long groupsSubmitted() {
        return groupsSubmitted.get();
    }

    public long staleRetries() {
        return staleRetries.get();
    }

    public long ambiguous() {
        return ambiguous.get();
    }

    public long batchIdleMicros() {
        return batchIdleNanos.get() / 1000;
    }

    public long batchLingerMicros() {
        return batchLingerNanos.get() / 1000;
    }

    public long batchRoundMicros() {
        return batchRoundNanos.get() / 1000;
    }

    public long applyMicros() {
        return applyNanos.get() / 1000;
    }

    public long readRounds() {
        return readRounds.get();
    }

    public long readRoundMicros() {
        return readRoundNanos.get() / 1000;
    }

    public long windowReads() {
        return windowReads.get();
    }
}
