package deltakv.engine.storage;

import java.util.Arrays;
import java.util.Collection;

/**
 * The versions written recently, in write order: every version in the store with a ts above
 * {@code floor} is here. The OCC check asks "does key k (or a key in a range) have a version above
 * startTs?"; for a startTs at or above the floor the answer is among the newest entries, and
 * transactions are short, so a check reads a handful of entries instead of seeking RocksDB.
 *
 * <pre>
 *   ring (write order) ... [k1@90] [k2@95] [k1@97] [k3@99]      ← newest
 *   maxUpTo            ...    90      95      97      99         (max ts up to here)
 *   changedAfter(k2, 96): walk back until maxUpTo <= 96: k3@99, k1@97 → no k2 → false
 * </pre>
 * {@code maxUpTo} lets the walk stop even if a version was written out of ts order (checkpoint
 * ingest). Dropping the oldest entry raises the floor to its maxUpTo. GC never deletes a key's
 * newest version unless it deletes the whole key, at or below its safeTs; then the floor rises to that
 * safeTs, so no entry that GC may have deleted is ever taken as an answer. A walk longer than
 * {@code walkLimit} gives up ("unknown", the caller asks RocksDB). Methods are synchronized: one
 * writer (commits) and short walks.
 */
final class RecentWrites {
    private final byte[][] keys;
    private final long[] ts;
    private final long[] maxUpTo;
    private final int walkLimit;
    private long appended;
    private long floor;

    /** @param floor every version already in the store has a ts at or below this */
    RecentWrites(int capacity, int walkLimit, long floor) {
        this.keys = new byte[capacity][];
        this.ts = new long[capacity];
        this.maxUpTo = new long[capacity];
        this.walkLimit = walkLimit;
        this.floor = floor;
    }

    synchronized long floor() {
        return floor;
    }

    /** After versions were written to RocksDB. */
    synchronized void written(Collection<StoreBatch.Written> writes) {
        for (StoreBatch.Written w : writes) {
            if (w.ts() <= floor) continue; // nothing is promised below the floor
            int at = slot(appended);
            if (appended >= keys.length) floor = Math.max(floor, maxUpTo[at]); // the oldest falls out
            long before = appended == 0 ? Long.MIN_VALUE : maxUpTo[slot(appended - 1)];
            keys[at] = w.key().clone();
            ts[at] = w.ts();
            maxUpTo[at] = Math.max(before, w.ts());
            appended++;
        }
    }

    /** After GC deleted every version of {@code keys}, all at or below {@code safeTs}. */
    synchronized void deleted(Collection<byte[]> gone, long safeTs) {
        if (!gone.isEmpty()) floor = Math.max(floor, safeTs);
    }

    /** Whether {@code key} has a version above {@code after}; null if unknown here. */
    synchronized Boolean changedAfter(byte[] key, long after) {
        if (after < floor) return null;
        long oldest = Math.max(0, appended - keys.length);
        for (long i = appended - 1, steps = 0; i >= oldest; i--, steps++) {
            int at = slot(i);
            if (maxUpTo[at] <= after) break;
            if (steps == walkLimit) return null;
            if (ts[at] > after && Arrays.equals(keys[at], key)) return true;
        }
        return false; // versions before the oldest entry are at or below the floor
    }

    /**
     * The first key in [start, end) ({@code end} null: unbounded) with a version above
     * {@code after}, or null; {@code unknown} if that cannot be told here.
     */
    synchronized byte[] firstChangedAfter(byte[] start, byte[] end, long after, byte[] unknown) {
        if (after < floor) return unknown;
        byte[] first = null;
        long oldest = Math.max(0, appended - keys.length);
        for (long i = appended - 1, steps = 0; i >= oldest; i--, steps++) {
            int at = slot(i);
            if (maxUpTo[at] <= after) break;
            if (steps == walkLimit) return unknown;
            byte[] k = keys[at];
            if (ts[at] > after && Arrays.compareUnsigned(k, start) >= 0
                    && (end == null || Arrays.compareUnsigned(k, end) < 0)
                    && (first == null || Arrays.compareUnsigned(k, first) < 0)) {
                first = k;
            }
        }
        return first;
    }

    private int slot(long i) {
        return (int) (i % keys.length);
    }
}
