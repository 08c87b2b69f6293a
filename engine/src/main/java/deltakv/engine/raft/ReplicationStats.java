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
}
