package deltakv.engine.txn;

import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Snapshot timestamps of running transactions, so version GC never removes a version one of them
 * may still read. Taking the timestamp and registering it happen under one lock, and so does
 * computing the GC horizon: a transaction either is counted in the horizon or started above it.
 */
public final class SnapshotRegistry {
    private final TreeMap<Long, Integer> active = new TreeMap<>();

    /** Highest horizon handed out so far; a snapshot below it may already have lost versions. */
    private long lastHorizon = Long.MIN_VALUE;

    /**
     * Registers a snapshot at {@code ts.getAsLong()}; close it when done. The timestamp is read
     * outside the lock (with Raft it is a leadership round trip, and concurrent readers must not
     * queue behind each other); it is registered only if no GC horizon has passed it meanwhile,
     * else a fresh one is read.
     */
    public Snapshot open(LongSupplier ts) {
        while (true) {
            long t = ts.getAsLong();
            synchronized (this) {
                if (t >= lastHorizon) {
                    active.merge(t, 1, Integer::sum);
                    return new Snapshot(t);
                }
            }
        }
    }

    /**
     * Registers a snapshot at an already known {@code ts} (asynchronous transactions); null if a GC
     * horizon has passed it, in which case the caller takes a fresh timestamp.
     */
    public synchronized Snapshot openAt(long ts) {
        if (ts < lastHorizon) return null;
        active.merge(ts, 1, Integer::sum);
        return new Snapshot(ts);
    }

    /** min(oldest active snapshot, watermark), the watermark read under the lock. */
    public synchronized long horizon(LongSupplier watermark) {
        long w = watermark.getAsLong();
        long h = active.isEmpty() ? w : Math.min(w, active.firstKey());
        lastHorizon = Math.max(lastHorizon, h);
        return h;
    }

    public synchronized int activeCount() {
        return active.values().stream().mapToInt(Integer::intValue).sum();
    }

    private synchronized void release(long ts) {
        active.computeIfPresent(ts, (k, n) -> n == 1 ? null : n - 1);
    }

    /** One registered snapshot; closing it twice is harmless. */
    public final class Snapshot implements AutoCloseable {
        private final long ts;
        private boolean closed;

        private Snapshot(long ts) {
            this.ts = ts;
        }

        public long ts() {
            return ts;
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            release(ts);
        }
    }
}
