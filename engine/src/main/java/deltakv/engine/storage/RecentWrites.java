package deltakv.engine.storage;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Keys written recently, with their newest commit ts: every version in the store with a ts above
 * {@link #floor} is here. The OCC check asks "does key k (or a key in a range) have a version above
 * startTs?"; for a startTs at or above the floor this answers exactly without touching RocksDB, and
 * transactions are short, so nearly every check qualifies.
 *
 * <pre>
 *   ts ──── floor ──────── startTs ────────── now
 *      (unknown here)   versions here: all indexed; "changed after startTs" = indexed ts > startTs
 * </pre>
 * Bounded: the oldest writes fall out in write order and raise the floor past their ts. The floor is
 * raised before entries are dropped and a reader re-checks it after reading, so a reader never takes
 * a dropped entry for "not written". GC removes an entry only when it deleted that very version.
 */
final class RecentWrites {
    private final ConcurrentSkipListMap<byte[], Long> newest = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
    private final byte[][] ringKeys;
    private final long[] ringTs;
    private int ringStart;
    private int ringSize;
    private volatile long floor;

    /** @param floor every version already in the store has a ts at or below this */
    RecentWrites(int capacity, long floor) {
        this.ringKeys = new byte[capacity][];
        this.ringTs = new long[capacity];
        this.floor = floor;
    }

    long floor() {
        return floor;
    }

    /** After versions were written to RocksDB. */
    synchronized void written(Collection<StoreBatch.Written> writes) {
        for (StoreBatch.Written w : writes) {
            if (w.ts() <= floor) continue; // below the floor nothing is promised
            if (ringSize == ringKeys.length) dropOldest();
            byte[] key = w.key().clone();
            newest.merge(key, w.ts(), Math::max);
            int at = (ringStart + ringSize++) % ringKeys.length;
            ringKeys[at] = key;
            ringTs[at] = w.ts();
        }
    }

    /** After GC deleted every version of {@code keys}, all at or below {@code safeTs}. */
    void deleted(Collection<byte[]> keys, long safeTs) {
        for (byte[] k : keys) newest.computeIfPresent(k, (key, ts) -> ts <= safeTs ? null : ts);
    }

    /** Whether {@code key} has a version above {@code ts}; null if that is below the floor (unknown). */
    Boolean changedAfter(byte[] key, long ts) {
        if (ts < floor) return null;
        Long t = newest.get(key);
        if (ts < floor) return null; // entries may have been dropped meanwhile
        return t != null && t > ts;
    }

    /**
     * The first key in [start, end) ({@code end} null: unbounded) with a version above {@code ts},
     * or null; {@code unknown} if {@code ts} is below the floor.
     */
    byte[] firstChangedAfter(byte[] start, byte[] end, long ts, byte[] unknown) {
        if (ts < floor) return unknown;
        if (end != null && Arrays.compareUnsigned(start, end) >= 0) return null;
        Map<byte[], Long> in = end == null ? newest.tailMap(start) : newest.subMap(start, end);
        byte[] found = null;
        for (Map.Entry<byte[], Long> e : in.entrySet()) {
            if (e.getValue() > ts) {
                found = e.getKey();
                break;
            }
        }
        if (ts < floor) return unknown;
        return found;
    }

    private void dropOldest() {
        long ts = ringTs[ringStart];
        byte[] key = ringKeys[ringStart];
        ringKeys[ringStart] = null;
        ringStart = (ringStart + 1) % ringKeys.length;
        ringSize--;
        if (ts > floor) floor = ts;
        long f = floor;
        newest.computeIfPresent(key, (k, t) -> t <= f ? null : t);
    }
}
