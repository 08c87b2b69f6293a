package deltakv.engine.raft;

import java.util.function.LongSupplier;

/**
 * The local store's applied commit-ts, with a way to wait for it. A linearizable read gets a
 * watermark from the leader's point of view; this node may read at it only once it has applied
 * that far itself.
 */
public final class AppliedWatermark {
    private final LongSupplier appliedTs;
    private final Object lock = new Object();

    public AppliedWatermark(LongSupplier appliedTs) {
        this.appliedTs = appliedTs;
    }

    public long current() {
        return appliedTs.getAsLong();
    }

    /** Called by the state machine after each applied entry. */
    void advanced() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    /** Waits until the local applied ts reaches {@code ts}; false on timeout. */
    boolean awaitAtLeast(long ts, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        synchronized (lock) {
            while (appliedTs.getAsLong() < ts) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) return false;
                lock.wait(Math.min(left, 50));
            }
        }
        return true;
    }
}
