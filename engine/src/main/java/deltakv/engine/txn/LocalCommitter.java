package deltakv.engine.txn;

import deltakv.engine.clock.Hlc;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Single-node committer: allocation of the commit ts and apply happen under one lock, so commit-ts
 * order equals apply order and the read timestamp (the applied watermark) never runs ahead of
 * what is visible in the store.
 */
public final class LocalCommitter implements Committer {
    private final StateMachineApplier applier;
    private final Hlc hlc;
    private final ReentrantLock lock = new ReentrantLock();

    public LocalCommitter(StateMachineApplier applier, Hlc hlc) {
        this.applier = applier;
        this.hlc = hlc;
        // after a restart on a clock that went backwards, new commits must still sort above the log
        hlc.observe(applier.lastAppliedTs());
    }

    @Override
    public ApplyResult commit(OperationGroup group) {
        lock.lock();
        try {
            long ts = hlc.next();
            ApplyResult r = applier.apply(group.withCommitTs(ts));
            if (r instanceof ApplyResult.Committed c) hlc.observe(c.commitTs());
            return r;
        } finally {
            lock.unlock();
        }
    }

    /** The applied watermark: every commit at or below it is visible; never the HLC's current value. */
    @Override
    public long readTimestamp() {
        return applier.lastAppliedTs();
    }
}
