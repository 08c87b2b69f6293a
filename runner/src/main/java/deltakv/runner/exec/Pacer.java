package deltakv.runner.exec;

import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces one worker's ops so that all workers together send about {@code --rate} ops/s. Each worker waits a
 * random gap with mean {@code workers / rate} before each op (Jepsen's {@code stagger}): uniform in
 * [0, 2 × mean), so workers do not fire in lockstep. A rate of 0 means no waiting at all.
 */
final class Pacer {
    private final long meanNanos;
    private final Random random;
    private long next = System.nanoTime();

    Pacer(double rate, int workers, Random random) {
        this.meanNanos = rate <= 0 ? 0 : (long) (workers * 1e9 / rate);
        this.random = random;
    }

    /** Waits until this worker's next op is due, but never past {@code deadlineNanos}. */
    void await(long deadlineNanos) {
        if (meanNanos == 0) return;
        next += (long) (random.nextDouble() * 2 * meanNanos);
        long now = System.nanoTime();
        if (next < now) next = now; // behind (a slow op): do not burst to catch up
        long until = Math.min(next, deadlineNanos);
        while (!Thread.currentThread().isInterrupted() && (now = System.nanoTime()) < until) {
            LockSupport.parkNanos(until - now);
        }
    }
}
