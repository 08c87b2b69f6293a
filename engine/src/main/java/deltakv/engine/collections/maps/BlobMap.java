package deltakv.engine.collections.maps;

import deltakv.engine.txn.Bytes;
import deltakv.engine.txn.Txn;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Baseline hash and set (variant rmw, DELTA_DESIGN §7): the whole collection is one value, read with
 * conflict tracking and rewritten by every write, so any two writers of one key conflict. Stored as
 * {@code count u32, (fieldLen u32, field, valueLen u32, value)*} in field byte order; an emptied
 * collection's value is deleted.
 */
final class BlobMap implements FieldMap {
    private final MapKeys keys;

    BlobMap(MapKeys keys) {
        this.keys = keys;
    }

    private TreeMap<byte[], byte[]> read(Txn txn, byte[] key) {
        return decode(txn.get(keys.blob(key)));
    }

    private void write(Txn txn, byte[] key, TreeMap<byte[], byte[]> m) {
        if (m.isEmpty()) txn.delete(keys.blob(key));
        else txn.put(keys.blob(key), encode(m));
    }

    @Override
    public byte[] get(Txn txn, byte[] key, byte[] field) {
        return read(txn, key).get(field);
    }

    @Override
    public boolean put(Txn txn, byte[] key, byte[] field, byte[] value) {
        TreeMap<byte[], byte[]> m = read(txn, key);
        boolean added = m.put(field.clone(), value.clone()) == null;
        write(txn, key, m);
        return added;
    }

    @Override
    public boolean remove(Txn txn, byte[] key, byte[] field) {
        TreeMap<byte[], byte[]> m = read(txn, key);
        if (m.remove(field) == null) return false;
        write(txn, key, m);
        return true;
    }

    @Override
    public long size(Txn txn, byte[] key) {
        return read(txn, key).size();
    }

    @Override
    public boolean exists(Txn txn, byte[] key) {
        return txn.get(keys.blob(key)) != null;
    }

    @Override
    public List<Txn.KV> entries(Txn txn, byte[] key) {
        List<Txn.KV> out = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> e : read(txn, key).entrySet()) out.add(new Txn.KV(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public boolean delete(Txn txn, byte[] key) {
        boolean existed = exists(txn, key);
        txn.delete(keys.blob(key));
        return existed;
    }

    static TreeMap<byte[], byte[]> decode(byte[] stored) {
        TreeMap<byte[], byte[]> m = new TreeMap<>(Bytes::compare);
        if (stored == null) return m;
        ByteBuffer b = ByteBuffer.wrap(stored);
        int n = b.getInt();
        for (int i = 0; i < n; i++) {
            byte[] f = new byte[b.getInt()];
            b.get(f);
            byte[] v = new byte[b.getInt()];
            b.get(v);
            m.put(f, v);
        }
        return m;
    }

    static byte[] encode(TreeMap<byte[], byte[]> m) {
        int size = 4;
        for (Map.Entry<byte[], byte[]> e : m.entrySet()) size += 8 + e.getKey().length + e.getValue().length;
        ByteBuffer b = ByteBuffer.allocate(size).putInt(m.size());
        for (Map.Entry<byte[], byte[]> e : m.entrySet()) b.putInt(e.getKey().length).put(e.getKey()).putInt(e.getValue().length).put(e.getValue());
        return b.array();
    }
}
