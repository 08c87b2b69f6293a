package deltakv.engine.txn;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/** Retry state of one transaction: attempt count, elapsed time and the next (jittered) pause. */
public final class Backoff {
    private final RetryPolicy policy;
    private final long startNanos = System.nanoTime();
    private long nextNanos;
    private int attempts = 1;

    Backoff(RetryPolicy policy) {
        this.policy = policy;
        this.nextNanos = policy.initialBackoff().toNanos();
    }

    /** Sleeps before the next attempt; false (without sleeping) if the budget is spent or the thread is interrupted. */
    public boolean pause() {
        if (Thread.currentThread().isInterrupted()) return false; // shutting down: stop retrying, keep the flag
        long d = nextPauseNanos();
        if (d < 0) return false;
        LockSupport.parkNanos(d);
        return true;
    }

    /**
     * Counts the next attempt and returns how long to wait before it, without waiting (asynchronous
     * callers schedule it); -1 if the budget is spent.
     */
    public long nextPauseNanos() {
        if (attempts >= policy.maxAttempts() || elapsedNanos() >= policy.maxElapsed().toNanos()) return -1;
        attempts++;
        // jitter in [d/2, d]: colliding writers spread out instead of retrying in lockstep
        long d = nextNanos;
        nextNanos = Math.min(nextNanos * 2, policy.maxBackoff().toNanos());
        return d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
    }

    public int attempts() {
        return attempts;
    }

    public long elapsedMillis() {
        return elapsedNanos() / 1_000_000;
    }

    private long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }
}
