package deltakv.engine.txn;

import deltakv.engine.storage.MvccStore;

/**
 * The OCC rule, evaluated at apply time on every replica: a group conflicts if any key it writes or
 * read, or any key inside a range it read, has a version (value or tombstone) newer than its startTs.
 *
 * <pre>
 *   startTs ──────────────┐            commitTs
 *        txn reads here   │ other commit at t, startTs < t  → Conflict(key)
 * </pre>
 * "Has a version" means in the store or among the pending writes of earlier groups of the same log
 * entry. Delta keys written with {@link Mutation.PutAtCommitTs} embed the (fresh) commit ts and are
 * unique, so they are not checked.
 */
final class ConflictCheck {
    private ConflictCheck() {}

    /** The first conflicting key, or null if the group may commit. */
    static byte[] firstConflict(MvccStore store, PendingVersions pending, OperationGroup g) {
        long startTs = g.startTs();
        for (Mutation m : g.mutations()) {
            byte[] key = writtenKey(m);
            if (key != null && changedAfter(store, pending, key, startTs)) return key;
        }
        for (byte[] key : g.readKeys()) {
            if (changedAfter(store, pending, key, startTs)) return key;
        }
        for (KeyRange r : g.readRanges()) {
            byte[] stored = store.firstKeyChangedAfter(r.start(), r.end(), startTs);
            byte[] fresh = pending.firstNewerThan(r, startTs);
            if (stored != null || fresh != null) return first(stored, fresh);
        }
        return null;
    }

    private static boolean changedAfter(MvccStore store, PendingVersions pending, byte[] key, long ts) {
        return pending.newestTs(key) > ts || store.changedAfter(key, ts);
    }

    private static byte[] first(byte[] a, byte[] b) {
        if (a == null) return b;
        if (b == null) return a;
        return Bytes.compare(a, b) <= 0 ? a : b;
    }

    private static byte[] writtenKey(Mutation m) {
        if (m instanceof Mutation.Put p) return p.key();
        if (m instanceof Mutation.Delete d) return d.key();
        return null;
    }
}
