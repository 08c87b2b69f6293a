package deltakv.jmh;

import deltakv.engine.storage.MvccStore;
import java.lang.reflect.Field;
import org.rocksdb.PerfContext;
import org.rocksdb.PerfLevel;
import org.rocksdb.RocksDB;

/**
 * RocksDB's per-thread perf context of the store under test: iterator seeks and next() steps on the
 * memtable, and entries RocksDB itself skipped (its own deletion markers). Diagnostic only: reaches the
 * store's private RocksDB handle by reflection, so the engine needs no hook for it.
 */
final class RocksWork {
    record Sample(long seeks, long nexts, long deletesSkipped, long keyComparisons) {
        Sample minus(Sample o) {
            return new Sample(seeks - o.seeks, nexts - o.nexts, deletesSkipped - o.deletesSkipped,
                    keyComparisons - o.keyComparisons);
        }
    }

    private final RocksDB db;

    RocksWork(MvccStore store) {
        try {
            Field f = MvccStore.class.getDeclaredField("db");
            f.setAccessible(true);
            db = (RocksDB) f.get(store);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach the store's RocksDB handle: " + e, e);
        }
    }

    /** Enables counting for the calling thread (the perf context is thread-local in RocksDB). */
    void enable() {
        db.setPerfLevel(PerfLevel.ENABLE_COUNT);
    }

    Sample sample() {
        PerfContext p = db.getPerfContext();
        return new Sample(p.getSeekOnMemtableCount(), p.getNextOnMemtableCount(), p.getInternalDeleteSkippedCount(),
                p.getUserKeyComparisonCount());
    }
}
