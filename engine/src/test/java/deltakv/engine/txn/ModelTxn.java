package deltakv.engine.txn;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Reference semantics for the serializability property test: a plain sorted map, no concurrency. */
final class ModelTxn implements Txn {
    final TreeMap<byte[], byte[]> data = new TreeMap<>(Bytes::compare);

    @Override
    public long startTs() {
        return 0;
    }

    @Override
    public byte[] get(byte[] key) {
        return data.get(key);
    }

    @Override
    public byte[] getUntracked(byte[] key) {
        return data.get(key);
    }

    @Override
    public List<KV> scan(KeyRange range, int limit, boolean reverse, boolean track) {
        NavigableMap<byte[], byte[]> sub = range.end() == null ? data.tailMap(range.start(), true)
                : data.subMap(range.start(), true, range.end(), false);
        if (reverse) sub = sub.descendingMap();
        List<KV> out = new ArrayList<>();
        for (var e : sub.entrySet()) {
            if (out.size() >= limit) break;
            out.add(new KV(e.getKey(), e.getValue()));
        }
        return out;
    }

    @Override
    public void put(byte[] key, byte[] value) {
        data.put(key.clone(), value.clone());
    }

    @Override
    public void delete(byte[] key) {
        data.remove(key);
    }

    @Override
    public void putAtCommitTs(byte[] prefix, byte[] suffix, byte[] value) {
        throw new UnsupportedOperationException("not used by the property test");
    }

    @Override
    public long latestVersionTs(KeyRange range) {
        throw new UnsupportedOperationException("not used by the property test");
    }

    @Override
    public void trackRead(byte[] key) {}

    @Override
    public void trackRange(KeyRange range) {}

    private final java.util.Map<Class<?>, Object> locals = new java.util.HashMap<>();

    @Override
    public <T> T local(Class<T> type, java.util.function.Supplier<T> create) {
        return type.cast(locals.computeIfAbsent(type, t -> create.get()));
    }
}
