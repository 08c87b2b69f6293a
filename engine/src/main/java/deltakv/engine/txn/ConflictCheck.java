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
 * Delta keys written with {@link Mutation.PutAtCommitTs} embed the (fresh) commit ts and are unique,
 * so they are not checked.
 */
final class ConflictCheck {
    private ConflictCheck() {}

    /** The first conflicting key, or null if the group may commit. */
    static byte[] firstConflict(MvccStore store, OperationGroup g) {
        long startTs = g.startTs();
        for (Mutation m : g.mutations()) {
            byte[] key = writtenKey(m);
            if (key != null && store.latestCommitTs(key) > startTs) return key;
        }
        for (byte[] key : g.readKeys()) {
            if (store.latestCommitTs(key) > startTs) return key;
        }
        for (KeyRange r : g.readRanges()) {
            byte[] key = store.firstKeyChangedAfter(r.start(), r.end(), startTs);
            if (key != null) return key;
        }
        return null;
    }

    private static byte[] writtenKey(Mutation m) {
        if (m instanceof Mutation.Put p) return p.key();
        if (m instanceof Mutation.Delete d) return d.key();
        return null;
    }
}
