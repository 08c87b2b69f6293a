package deltakv.engine.collections;

import deltakv.engine.txn.Txn;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Deltas this transaction has emitted but not committed. A delta's key embeds the commit timestamp, so
 * the transaction's own scans cannot see it; inside MULTI a later command must still count it, and a DEL
 * must cancel it. Held by the {@link Txn} ({@link Txn#local}): a retried body gets a fresh Txn, so no
 * state leaks across attempts.
 */
final class PendingDeltas {
    private final Map<ByteBuffer, ListDelta> byKey = new HashMap<>();
    private int nextSeqInTxn;

    static PendingDeltas of(Txn txn) {
        return txn.local(PendingDeltas.class, PendingDeltas::new);
    }

    /** Sum of this transaction's deltas on {@code key}. */
    ListDelta sum(byte[] key) {
        return byKey.getOrDefault(ByteBuffer.wrap(key), ListDelta.ZERO);
    }

    /** Whether this transaction emitted any delta for {@code key}. */
    boolean touched(byte[] key) {
        return byKey.containsKey(ByteBuffer.wrap(key));
    }

    /** Writes {@code d} as a delta record of {@code key} (commitTs filled in by the committer). */
    void emit(Txn txn, byte[] key, ListDelta d) {
        txn.putAtCommitTs(ListKeys.deltaPrefix(key), ListKeys.deltaSuffix(nextSeqInTxn++), d.encode());
        byKey.merge(ByteBuffer.wrap(key.clone()), d, ListDelta::plus);
    }

    /** Emits the negation of everything pending on {@code key}, so the key's pending sum becomes zero. */
    void cancel(Txn txn, byte[] key) {
        ListDelta pending = sum(key);
        if (!pending.isZero()) emit(txn, key, pending.negate());
    }
}
