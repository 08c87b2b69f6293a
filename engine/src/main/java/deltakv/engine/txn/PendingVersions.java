package deltakv.engine.txn;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Versions written by the groups already applied from the log entry being applied, which the store
 * does not have yet (the whole entry is written in one batch). The conflict check consults them
 * together with the store, so a later group sees an earlier group's writes exactly as if each group
 * had been written on its own. Apply-time operations ({@link AtApplyTxn}) read the values too.
 */
final class PendingVersions {
    private final TreeMap<byte[], Long> newest = new TreeMap<>(Bytes::compare);
    /** The last value written to each key (apply order). */
    private final TreeMap<byte[], PendingWrite> values = new TreeMap<>(Bytes::compare);

    void add(byte[] key, long ts, PendingWrite value) {
        newest.merge(key, ts, Math::max);
        values.put(key, value);
    }

    /** The last pending write to {@code key}, or null if none. */
    PendingWrite value(byte[] key) {
        return values.get(key);
    }

    /** Pending writes in {@code range}, ascending or descending. */
    NavigableMap<byte[], PendingWrite> in(KeyRange range, boolean reverse) {
        NavigableMap<byte[], PendingWrite> sub = range.end() == null ? values.tailMap(range.start(), true)
                : Bytes.compare(range.start(), range.end()) >= 0 ? new TreeMap<>(Bytes::compare)
                : values.subMap(range.start(), true, range.end(), false);
        return reverse ? sub.descendingMap() : sub;
    }

    /** Newest pending ts of {@code key}; 0 if none (as {@code MvccStore.latestCommitTs}). */
    long newestTs(byte[] key) {
        Long ts = newest.get(key);
        return ts == null ? 0 : ts;
    }

    /** The first key (ascending) in {@code range} with a pending version above {@code ts}, or null. */
    byte[] firstNewerThan(KeyRange range, long ts) {
        if (newest.isEmpty()) return null;
        NavigableMap<byte[], Long> in = range.end() == null ? newest.tailMap(range.start(), true)
                : Bytes.compare(range.start(), range.end()) >= 0 ? new TreeMap<>()
                : newest.subMap(range.start(), true, range.end(), false);
        for (Map.Entry<byte[], Long> e : in.entrySet()) {
            if (e.getValue() > ts) return e.getKey();
        }
        return null;
    }
}
