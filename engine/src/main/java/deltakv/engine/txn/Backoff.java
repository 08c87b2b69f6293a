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
        if (attempts >= policy.maxAttempts() || elapsedNanos() >= policy.maxElapsed().toNanos()) return false;
        if (Thread.currentThread().isInterrupted()) return false; // shutting down: stop retrying, keep the flag
        attempts++;
        // jitter in [d/2, d]: colliding writers spread out instead of retrying in lockstep
        long d = nextNanos;
        LockSupport.parkNanos(d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1));
        nextNanos = Math.min(nextNanos * 2, policy.maxBackoff().toNanos());
        return true;
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
