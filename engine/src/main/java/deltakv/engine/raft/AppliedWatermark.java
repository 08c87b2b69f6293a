package deltakv.engine.raft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
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

    /** Asynchronous waiters, lowest ts first; guarded by {@code lock}. */
    private final PriorityQueue<Waiter> waiters = new PriorityQueue<>(Comparator.comparingLong(Waiter::ts));

    private record Waiter(long ts, CompletableFuture<Long> done) {}

    /** Called by the state machine after each applied entry (and after a snapshot was installed). */
    void advanced() {
        List<Waiter> ready = new ArrayList<>();
        synchronized (lock) {
            lock.notifyAll();
            long now = appliedTs.getAsLong();
            while (!waiters.isEmpty() && waiters.peek().ts() <= now) ready.add(waiters.poll());
        }
        for (Waiter w : ready) w.done().complete(w.ts()); // outside the lock: callers continue here
    }

    /** Completes with {@code ts} once the local applied ts reaches it (at once if it already has). */
    CompletableFuture<Long> atLeast(long ts) {
        if (appliedTs.getAsLong() >= ts) return CompletableFuture.completedFuture(ts);
        CompletableFuture<Long> f = new CompletableFuture<>();
        synchronized (lock) {
            if (appliedTs.getAsLong() >= ts) return CompletableFuture.completedFuture(ts);
            waiters.add(new Waiter(ts, f));
        }
        return f;
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
