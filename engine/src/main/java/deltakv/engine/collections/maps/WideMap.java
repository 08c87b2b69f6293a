package deltakv.engine.collections.maps;

import deltakv.engine.collections.RangeEraser;
import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;
import java.util.ArrayList;
import java.util.List;

/**
 * Wide column (DELTA_DESIGN §3–§4): one key per field. A write point-reads its field (tracked), so two
 * writers of the same field conflict, and tells the {@link Cardinality} only when the count changes;
 * writers of different fields touch different keys. Existence is "some field exists" (one tracked scan of
 * one key), which does not depend on the Len records at all.
 */
final class WideMap implements FieldMap {
    private static final int PAGE = 512;

    private final MapKeys keys;
    private final Cardinality card;
    private final boolean updateCountsAsNew;

    /** @param updateCountsAsNew the {@code update-writes-delta} bug flag: overwriting a field also adds 1 to Len */
    WideMap(MapKeys keys, Cardinality card, boolean updateCountsAsNew) {
        this.keys = keys;
        this.card = card;
        this.updateCountsAsNew = updateCountsAsNew;
    }

    @Override
    public byte[] get(Txn txn, byte[] key, byte[] field) {
        return txn.get(keys.field(key, field));
    }

    @Override
    public boolean put(Txn txn, byte[] key, byte[] field, byte[] value) {
        byte[] fk = keys.field(key, field);
        boolean added = txn.get(fk) == null;
        txn.put(fk, value);
        if (added || updateCountsAsNew) card.add(txn, key, 1);
        return added;
    }

    @Override
    public boolean remove(Txn txn, byte[] key, byte[] field) {
        byte[] fk = keys.field(key, field);
        if (txn.get(fk) == null) return false;
        txn.delete(fk);
        card.add(txn, key, -1);
        return true;
    }

    @Override
    public long size(Txn txn, byte[] key) {
        return card.len(txn, key);
    }

    @Override
    public boolean exists(Txn txn, byte[] key) {
        return !txn.scan(keys.fields(key), 1, false, true).isEmpty();
    }

    @Override
    public List<Txn.KV> entries(Txn txn, byte[] key) {
        KeyRange range = keys.fields(key);
        List<Txn.KV> out = new ArrayList<>();
        byte[] from = range.start();
        while (true) {
            List<Txn.KV> kvs = txn.scan(new KeyRange(from, range.end()), PAGE, false, true);
            for (Txn.KV kv : kvs) out.add(new Txn.KV(keys.fieldOf(kv.key()), kv.value()));
            if (kvs.size() < PAGE) return out;
            from = RangeEraser.successor(kvs.get(kvs.size() - 1).key());
        }
    }

    @Override
    public boolean delete(Txn txn, byte[] key) {
        boolean existed = RangeEraser.eraseAll(txn, keys.fields(key)) > 0;
        card.delete(txn, key);
        return existed;
    }
}
