package deltakv.engine.txn;

import deltakv.engine.clock.Hlc;
import deltakv.engine.storage.MvccStore;
import deltakv.engine.storage.StorageException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic version GC: collects below min(oldest active snapshot, last applied) minus a retention
 * window. The window also protects snapshots not registered here (e.g. a transaction whose commit
 * is checked on another replica).
 *
 * <pre>
 *   ts ─────────[safeTs]────retention────[oldest snapshot / applied]──►
 *      collect ◄┘         keep everything from safeTs up
 * </pre>
 */
public final class VersionGc implements AutoCloseable {
    /**
     * 5 s of HLC time. The apply function's snapshot-too-old rule ({@link StateMachineApplier}) and the snapshot
     * install (raft.CheckpointIngest) assume every node runs GC with at least this retention: a node must not run
     * a smaller one (tests that use 0 run no replicas).
     */
    public static final long DEFAULT_RETENTION = Hlc.of(5000, 0);
    /** After a pass this large, flush: iterating over memtable tombstones is what slows scans down. */
    static final long FLUSH_AFTER_DELETES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(VersionGc.class);

    private final MvccStore store;
    private final SnapshotRegistry snapshots;
    private final long retention;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private volatile long lastSafeTs;
    private ScheduledExecutorService timer;

    /** Counters for admin output. */
    public record Stats(long runs, long deletedVersions, long lastSafeTs) {}

    public VersionGc(MvccStore store, SnapshotRegistry snapshots, long retention) {
        this.store = store;
        this.snapshots = snapshots;
        this.retention = retention;
    }

    /** One full pass now; returns versions deleted. */
    public synchronized long runOnce() {
        long safeTs = snapshots.horizon(store::lastAppliedTs) - retention;
        if (safeTs <= 0) return 0;
        long n = store.gc(safeTs);
        if (n >= FLUSH_AFTER_DELETES) store.flush();
        runs.incrementAndGet();
        deleted.addAndGet(n);
        lastSafeTs = safeTs;
        return n;
    }

    /** Runs {@link #runOnce} every {@code interval} on a daemon thread until {@link #close}. */
    public synchronized void start(Duration interval) {
        if (timer != null) throw new IllegalStateException("version GC already started");
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "version-gc");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::tick, ms, ms, TimeUnit.MILLISECONDS);
    }

    public Stats stats() {
        return new Stats(runs.get(), deleted.get(), lastSafeTs);
    }

    private void tick() {
        try {
            runOnce();
        } catch (StorageException e) {
            LOG.warn("version GC pass failed: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("version GC pass failed", e);
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
            timer = null;
        }
        if (t == null) return;
        t.shutdownNow();
        try {
            t.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
