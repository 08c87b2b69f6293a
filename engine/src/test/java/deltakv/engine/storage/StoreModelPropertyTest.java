package deltakv.engine.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random versions written to the real store and to an in-memory model; gets, scans in both
 * directions and OCC range checks must agree at random snapshots, also after GC for snapshots the
 * GC promised to keep.
 */
class StoreModelPropertyTest {
    @TempDir
    Path dir;

    /** key -> (ts -> value, null = tombstone) */
    final TreeMap<byte[], TreeMap<Long, byte[]>> model = new TreeMap<>(Arrays::compareUnsigned);

    static byte[] key(Random r) {
        byte[] k = new byte[1 + r.nextInt(3)];
        for (int i = 0; i < k.length; i++) k[i] = (byte) new int[] {0, 1, 0xFF, 'a', 'b'}[r.nextInt(5)];
        return k;
    }

    List<KV> modelScan(byte[] start, byte[] end, long ts, int limit, boolean reverse) {
        Map<byte[], TreeMap<Long, byte[]>> sub = end == null ? model.tailMap(start, true) : model.subMap(start, true, end, false);
        List<KV> out = new ArrayList<>();
        List<Map.Entry<byte[], TreeMap<Long, byte[]>>> entries = new ArrayList<>(sub.entrySet());
        if (reverse) java.util.Collections.reverse(entries);
        for (var e : entries) {
            if (out.size() >= limit) break;
            var v = e.getValue().floorEntry(ts);
            if (v != null && v.getValue() != null) out.add(new KV(e.getKey(), v.getValue()));
        }
        return out;
    }

    byte[] modelFirstChanged(byte[] start, byte[] end, long ts) {
        Map<byte[], TreeMap<Long, byte[]>> sub = end == null ? model.tailMap(start, true) : model.subMap(start, true, end, false);
        for (var e : sub.entrySet()) if (e.getValue().lastKey() > ts) return e.getKey();
        return null;
    }

    static String show(List<KV> kvs) {
        HexFormat h = HexFormat.of();
        return kvs.stream().map(kv -> h.formatHex(kv.key()) + "=" + h.formatHex(kv.value())).toList().toString();
    }

    @Test
    void storeAgreesWithModelBeforeAndAfterGc() {
        Random r = new Random(42);
        try (MvccStore store = MvccStore.open(dir.resolve("db"))) {
            long ts = 0;
            for (int batch = 0; batch < 400; batch++) {
                ts += 1 + r.nextInt(3);
                List<VersionedWrite> writes = new ArrayList<>();
                TreeMap<byte[], byte[]> seen = new TreeMap<>(Arrays::compareUnsigned);
                for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
                    byte[] k = key(r);
                    if (seen.containsKey(k)) continue;
                    byte[] v = r.nextInt(4) == 0 ? null : new byte[] {(byte) batch, (byte) i};
                    seen.put(k, v);
                    writes.add(v == null ? new VersionedWrite.Delete(k) : new VersionedWrite.Put(k, v));
                    model.computeIfAbsent(k, x -> new TreeMap<>()).put(ts, v);
                }
                store.write(ts, writes);
            }
            check(store, r, 0, ts);
            long safeTs = ts / 2;
            store.gc(safeTs);
            check(store, r, safeTs, ts);
            store.gc(ts);
            check(store, r, ts, ts);
        }
    }

    private void check(MvccStore store, Random r, long minTs, long maxTs) {
        for (int q = 0; q < 1500; q++) {
            long at = minTs + (long) r.nextInt((int) (maxTs - minTs + 3));
            byte[] a = key(r);
            byte[] b = r.nextInt(5) == 0 ? null : key(r);
            if (b != null && Arrays.compareUnsigned(a, b) > 0) { byte[] t = a; a = b; b = t; }
            int limit = 1 + r.nextInt(8);
            boolean reverse = r.nextBoolean();
            String ctx = "at=" + at + " reverse=" + reverse + " limit=" + limit;
            assertEquals(show(modelScan(a, b, at, limit, reverse)), show(store.scan(a, b, at, limit, reverse)), ctx);
            var versions = model.get(a);
            var expected = versions == null ? null : versions.floorEntry(at);
            assertArrayEquals(expected == null ? null : expected.getValue(), store.get(a, at), ctx);
            byte[] changed = modelFirstChanged(a, b, at);
            assertArrayEquals(changed, store.firstKeyChangedAfter(a, b, at), ctx);
        }
    }
}
