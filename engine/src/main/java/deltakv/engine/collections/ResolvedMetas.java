package deltakv.engine.collections;

import deltakv.engine.txn.Txn;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Committed list metadata (base + Σ committed deltas) already resolved by this transaction. Why: several
 * commands resolve twice (LPOP, LINDEX, RPUSHX, LMOVE: an existence check, then the operation), and a
 * MULTI body may touch one list many times; the snapshot is fixed, so the second delta scan would return
 * the same sum. Only the transaction's own DEL changes what it sees (it deletes base meta and deltas), so
 * {@link #forget} is called there; its own new deltas are invisible to its scans and are counted by
 * {@link PendingDeltas}. Held by the {@link Txn} ({@link Txn#local}): a retried body starts with nothing.
 */
final class ResolvedMetas {
    /** @param tracked whether base meta and the live delta range were registered for conflicts */
    record Resolved(ListMeta committed, boolean tracked) {}

    private final Map<ByteBuffer, Resolved> byKey = new HashMap<>();

    static ResolvedMetas of(Txn txn) {
        return txn.local(ResolvedMetas.class, ResolvedMetas::new);
    }

    /** What was resolved for {@code key}, or null (also when tracking is needed but the earlier read lacked it). */
    Resolved get(byte[] key, boolean track) {
        Resolved r = byKey.get(ByteBuffer.wrap(key));
        return r == null || (track && !r.tracked()) ? null : r;
    }

    void put(byte[] key, Resolved r) {
        byKey.put(ByteBuffer.wrap(key.clone()), r);
    }

    void forget(byte[] key) {
        byKey.remove(ByteBuffer.wrap(key));
    }
}
