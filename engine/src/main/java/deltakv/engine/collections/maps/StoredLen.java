package deltakv.engine.collections.maps;

import deltakv.engine.collections.KeyCodec;
import deltakv.engine.txn.Txn;

/**
 * Baseline Len (variant rmw, sorted sets): the base meta record, read with conflict tracking and written
 * back by every writer that changes the cardinality, so any two such writers of one key conflict.
 */
final class StoredLen implements Cardinality {
    private final MapKeys keys;

    StoredLen(MapKeys keys) {
        this.keys = keys;
    }

    @Override
    public long len(Txn txn, byte[] key) {
        byte[] v = txn.get(keys.baseMeta(key));
        return v == null ? 0 : KeyCodec.getLong(v, 0);
    }

    @Override
    public void add(Txn txn, byte[] key, long d) {
        long next = len(txn, key) + d;
        if (next == 0) txn.delete(keys.baseMeta(key));
        else txn.put(keys.baseMeta(key), KeyCodec.u64(next));
    }

    @Override
    public void delete(Txn txn, byte[] key) {
        txn.delete(keys.baseMeta(key));
    }
}
