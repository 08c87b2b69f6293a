package deltakv.checker.linear;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Limits shared by all partitions of one check: a wall-clock deadline, a memory guard over the memo caches, and
 * a cancel flag raised when any partition finds a violation (the rest need not finish).
 */
public final class Budget {
    private final long deadlineNanos;
    private final long memoryLimitBytes;
    private final AtomicLong memoBytes = new AtomicLong();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public Budget(long timeLimitNanos, long memoryLimitBytes) {
        long now = System.nanoTime();
        this.deadlineNanos = timeLimitNanos <= 0 || timeLimitNanos > Long.MAX_VALUE - now ? Long.MAX_VALUE
                : now + timeLimitNanos;
        this.memoryLimitBytes = memoryLimitBytes;
    }

    /** Default memory guard: half the heap the JVM may grow to. */
    public static long defaultMemoryLimit() {
        return Runtime.getRuntime().maxMemory() / 2;
    }

    /** Null while within budget, else the reason to stop. */
    String exceeded() {
        if (cancelled.get()) return "cancelled: another partition is not linearizable";
        if (System.nanoTime() > deadlineNanos) return "time limit exceeded";
        if (memoBytes.get() > memoryLimitBytes) {
            return "memory guard: search cache exceeded " + (memoryLimitBytes >> 20) + " MiB";
        }
        if (HeapGuard.nearlyFull()) return "memory guard: the heap is nearly full of search states";
        return null;
    }

    void addMemoBytes(long delta) {
        memoBytes.addAndGet(delta);
    }

    void cancel() {
        cancelled.set(true);
    }
}
