package deltakv.engine.storage;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Newest version per key, as RocksDB holds it: every answer must equal what a seek would return,
 * because every replica decides conflicts from it. Bounded by clearing when full (hot keys refill
 * with one seek each).
 *
 * <p>Entries come from readers (a seek that found the newest version, or none) and are kept current
 * by writers, which merge each written version into an entry that is present. A reader's seek may
 * race with a write, so a fill carries the {@link #stamp()} taken before the seek and is dropped if
 * a write or deletion finished in between:
 * <pre>
 *   writer: RocksDB write ─► stamp++ ─► merge into present entries
 *   reader: s = stamp() ─► seek ─► fill(key, s, found): insert only if absent and stamp still s
 * </pre>
 * A fill that lands before the writer's stamp++ is also before its merge, which then updates it.
 */
final class VersionCache {
    static final int MAX_ENTRIES = 1 << 16;
    /** Larger values are cached as "ts only": the cache is for hot metadata, not bulk data. */
    static final int MAX_VALUE_BYTES = 256;

    private final ConcurrentHashMap<CacheKey, Newest> map = new ConcurrentHashMap<>();
    private final AtomicLong stamp = new AtomicLong();
    private final int maxEntries;

    VersionCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The cached newest version of {@code key}, or null if unknown. */
    Newest get(byte[] key) {
        return map.get(new CacheKey(key));
    }

    /** Take before the RocksDB read whose result will be passed to {@link #fill}. */
    long stamp() {
        return stamp.get();
    }

    /** Caches what a read started at {@code stampBefore} found, unless something changed since. */
    void fill(byte[] key, long stampBefore, Newest found) {
        if (map.size() >= maxEntries) map.clear();
        map.compute(new CacheKey(key.clone()), (k, old) -> old != null ? old
                : stamp.get() == stampBefore ? trimmed(found) : null);
    }

    /** After versions were written to RocksDB: merges them into present entries. */
    void written(Collection<StoreBatch.Written> writes) {
        if (writes.isEmpty()) return;
        stamp.incrementAndGet();
        for (StoreBatch.Written w : writes) {
            Newest n = trimmed(new Newest.Version(w.ts(), w.stored()));
            map.computeIfPresent(new CacheKey(w.key()), (k, old) -> Newest.newer(old, n));
        }
    }

    /** After versions of {@code keys} were deleted from RocksDB (GC): forgets them. */
    void deleted(Collection<byte[]> keys) {
        if (keys.isEmpty()) return;
        stamp.incrementAndGet();
        for (byte[] k : keys) map.remove(new CacheKey(k));
    }

    int size() {
        return map.size();
    }

    private static Newest trimmed(Newest n) {
        if (n instanceof Newest.Version v && v.stored() != null && v.stored().length > MAX_VALUE_BYTES + 1) {
            return new Newest.Version(v.ts(), null);
        }
        return n;
    }
}
