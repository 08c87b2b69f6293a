package deltakv.engine.collections;

import deltakv.engine.txn.Txn;
import java.util.ArrayList;
import java.util.List;

/**
 * Baseline (variant rmw): every push and pop reads the base meta with conflict tracking and writes it
 * back, so any two writers of one list conflict. An emptied list has its base meta deleted.
 */
public final class RmwLists implements ListStore {
    private final ListEraser eraser = new ListEraser(Long.MAX_VALUE);

    private static ListMeta meta(Txn txn, byte[] key) {
        return ListMeta.decode(txn.get(ListKeys.baseMeta(key)));
    }

    private static void store(Txn txn, byte[] key, ListMeta m) {
        if (m.len() == 0) txn.delete(ListKeys.baseMeta(key));
        else txn.put(ListKeys.baseMeta(key), m.encode());
    }

    @Override
    public long push(Txn txn, byte[] key, End end, List<byte[]> values) {
        ListMeta m = meta(txn, key);
        long head = m.head();
        for (int i = 0; i < values.size(); i++) {
            long seq = end == End.RIGHT ? m.tail() + i : --head;
            txn.put(ListKeys.item(key, seq), values.get(i));
        }
        ListMeta next = new ListMeta(head, m.len() + values.size());
        store(txn, key, next);
        return next.len();
    }

    @Override
    public List<byte[]> pop(Txn txn, byte[] key, End end, long count) {
        ListMeta m = meta(txn, key);
        int n = (int) Math.min(count, m.len());
        if (n == 0) return List.of();
        long from = end == End.LEFT ? m.head() : m.tail() - n;
        List<Txn.KV> kvs = txn.scan(ListKeys.items(key, from, from + n), n, end == End.RIGHT, false);
        List<byte[]> out = new ArrayList<>(n);
        for (Txn.KV kv : kvs) {
            out.add(kv.value());
            txn.delete(kv.key());
        }
        store(txn, key, end == End.LEFT ? new ListMeta(m.head() + n, m.len() - n) : new ListMeta(m.head(), m.len() - n));
        return out;
    }

    @Override
    public long length(Txn txn, byte[] key) {
        return meta(txn, key).len();
    }

    @Override
    public List<byte[]> range(Txn txn, byte[] key, long start, long stop) {
        ListMeta m = meta(txn, key);
        IndexWindow w = IndexWindow.range(start, stop, m.len());
        if (w.isEmpty()) return List.of();
        long from = m.head() + w.first();
        List<Txn.KV> kvs = txn.scan(ListKeys.items(key, from, from + w.size()), w.limit(), false, false);
        List<byte[]> out = new ArrayList<>(kvs.size());
        for (Txn.KV kv : kvs) out.add(kv.value());
        return out;
    }

    @Override
    public byte[] index(Txn txn, byte[] key, long index) {
        ListMeta m = meta(txn, key);
        IndexWindow w = IndexWindow.single(index, m.len());
        return w.isEmpty() ? null : txn.getUntracked(ListKeys.item(key, m.head() + w.first()));
    }

    @Override
    public boolean delete(Txn txn, byte[] key) {
        long len = length(txn, key);
        if (len == 0) return false; // rmw never keeps items without a base meta
        eraser.erase(txn, key);
        return true;
    }
}
