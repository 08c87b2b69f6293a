package deltakv.engine.collections.maps;

import deltakv.engine.collections.KeyCodec;
import deltakv.engine.txn.Txn;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * One transaction's view of collection Lens in the delta layout: committed Lens already resolved (the
 * snapshot is fixed, so a MULTI body resolves each key once) and the deltas it emitted but has not
 * committed (their keys embed the commit ts, so its own scans cannot see them). Keyed by the delta prefix,
 * which names the type as well as the key. Held by the {@link Txn}: a retried body starts with nothing.
 */
final class PendingLens {
    private final Map<ByteBuffer, Long> committed = new HashMap<>();
    private final Map<ByteBuffer, Long> pending = new HashMap<>();
    private int nextSeqInTxn;

    static PendingLens of(Txn txn) {
        return txn.local(PendingLens.class, PendingLens::new);
    }

    Long committed(byte[] prefix) {
        return committed.get(ByteBuffer.wrap(prefix));
    }

    void resolved(byte[] prefix, long len) {
        committed.put(ByteBuffer.wrap(prefix), len);
    }

    long pending(byte[] prefix) {
        return pending.getOrDefault(ByteBuffer.wrap(prefix), 0L);
    }

    /** Writes a delta record {@code d} under {@code prefix} (commitTs filled in by the committer). */
    void emit(Txn txn, byte[] prefix, long d) {
        txn.putAtCommitTs(prefix, KeyCodec.u32(nextSeqInTxn++), KeyCodec.u64(d));
        pending.merge(ByteBuffer.wrap(prefix), d, Long::sum);
    }

    /** DEL: the committed records are gone and the pending sum is cancelled by a negating delta. */
    void reset(Txn txn, byte[] prefix) {
        committed.put(ByteBuffer.wrap(prefix), 0L);
        long p = pending(prefix);
        if (p != 0) emit(txn, prefix, -p);
    }
}
