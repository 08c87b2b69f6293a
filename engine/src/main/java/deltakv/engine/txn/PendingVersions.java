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
    /** Per key: the newest pending ts and the last value written (apply order); one map, one lookup per write. */
    private final TreeMap<byte[], Pending> pending = new TreeMap<>(Bytes::compare);

    private record Pending(long newestTs, PendingWrite last) {}

    void add(byte[] key, long ts, PendingWrite value) {
        pending.merge(key, new Pending(ts, value), (o, n) -> new Pending(Math.max(o.newestTs(), n.newestTs()), n.last()));
    }

    /** The last pending write to {@code key}, or null if none. */
    PendingWrite value(byte[] key) {
        Pending p = pending.get(key);
        return p == null ? null : p.last();
    }

    /** Pending writes in {@code range}, ascending or descending (a copy: apply-time scans are rare). */
    NavigableMap<byte[], PendingWrite> in(KeyRange range, boolean reverse) {
        TreeMap<byte[], PendingWrite> out = new TreeMap<>(Bytes::compare);
        for (Map.Entry<byte[], Pending> e : sub(range).entrySet()) out.put(e.getKey(), e.getValue().last());
        return reverse ? out.descendingMap() : out;
    }

    /** Newest pending ts of {@code key}; 0 if none (as {@code MvccStore.latestCommitTs}). */
    long newestTs(byte[] key) {
        Pending p = pending.get(key);
        return p == null ? 0 : p.newestTs();
    }

    /** The first key (ascending) in {@code range} with a pending version above {@code ts}, or null. */
    byte[] firstNewerThan(KeyRange range, long ts) {
        if (pending.isEmpty()) return null;
        for (Map.Entry<byte[], Pending> e : sub(range).entrySet()) {
            if (e.getValue().newestTs() > ts) return e.getKey();
        }
        return null;
    }

    private NavigableMap<byte[], Pending> sub(KeyRange range) {
        if (range.end() == null) return pending.tailMap(range.start(), true);
        if (Bytes.compare(range.start(), range.end()) >= 0) return new TreeMap<>(Bytes::compare);
        return pending.subMap(range.start(), true, range.end(), false);
    }
}
