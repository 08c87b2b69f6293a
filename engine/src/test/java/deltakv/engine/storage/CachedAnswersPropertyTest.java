package deltakv.engine.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's cached answers (version cache, recent-writes index) against a model of what RocksDB
 * holds, under random writes (some below earlier timestamps, as a checkpoint ingest writes), version
 * GC that deletes whole keys, and reopening. Every replica decides conflicts from these answers, so
 * they must be exactly RocksDB's, not merely plausible. The index is tiny so its floor keeps moving
 * and both the indexed and the RocksDB paths are exercised.
 */
class CachedAnswersPropertyTest {
    @TempDir
    Path dir;

    /** key -> (ts -> value, null = tombstone) */
    final TreeMap<byte[], TreeMap<Long, byte[]>> model = new TreeMap<>(Arrays::compareUnsigned);
    long gcSafe;

    static byte[] key(Random r) {
        return new byte[] {'k', (byte) r.nextInt(6), (byte) (r.nextInt(3) == 0 ? 0 : 'x')};
    }

    @Test
    void cachedAnswersEqualTheStoreContents() {
        Random r = new Random(7);
        MvccStore store = MvccStore.open(dir.resolve("db"), 8, 4);
        try {
            long ts = 100;
            for (int step = 0; step < 1500; step++) {
                int op = r.nextInt(20);
                if (op < 12) {
                    ts += 1 + r.nextInt(3);
                    write(store, r, op == 0 ? ts - 1 - r.nextInt(60) : ts); // op 0: below newer versions
                } else if (op == 12) {
                    gc(store, ts - r.nextInt(30));
                } else if (op == 13) {
                    ingestLike(store, r, ts + 1 + r.nextInt(20));
                } else if (op == 14 && r.nextInt(3) == 0) {
                    store.close();
                    store = MvccStore.open(dir.resolve("db"), 8, 4);
                } else {
                    check(store, r, ts);
                }
            }
        } finally {
            store.close();
        }
    }

    private void write(MvccStore store, Random r, long at) {
        List<VersionedWrite> writes = new ArrayList<>();
        TreeMap<byte[], Boolean> seen = new TreeMap<>(Arrays::compareUnsigned);
        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
            byte[] k = key(r);
            if (seen.put(k, true) != null) continue;
            byte[] v = r.nextInt(3) == 0 ? null : value(r);
            writes.add(v == null ? new VersionedWrite.Delete(k) : new VersionedWrite.Put(k, v));
            model.computeIfAbsent(k, x -> new TreeMap<>()).put(at, v);
        }
        store.write(at, writes);
    }

    /** Versions above the applied ts, as a checkpoint ingest writes them before it moves the applied ts. */
    private void ingestLike(MvccStore store, Random r, long at) {
        byte[] k = key(r);
        byte[] v = value(r);
        try (StoreBatch b = store.newBatch()) {
            b.put(k, at, v);
            store.commit(b, store.lastAppliedTs());
        }
        model.computeIfAbsent(k, x -> new TreeMap<>()).put(at, v);
    }

    private static byte[] value(Random r) {
        byte[] v = new byte[r.nextInt(10) == 0 ? VersionCache.MAX_VALUE_BYTES + 5 : 2];
        r.nextBytes(v);
        return v;
    }

    /** GcPass's rule: at or below safeTs only the newest version survives, and only if it is a value. */
    private void gc(MvccStore store, long safeTs) {
        store.gc(safeTs);
        gcSafe = Math.max(gcSafe, safeTs);
        for (Iterator<Map.Entry<byte[], TreeMap<Long, byte[]>>> it = model.entrySet().iterator(); it.hasNext(); ) {
            TreeMap<Long, byte[]> versions = it.next().getValue();
            Map.Entry<Long, byte[]> kept = versions.floorEntry(safeTs);
            if (kept == null) continue;
            versions.headMap(kept.getKey(), kept.getValue() == null).clear();
            if (versions.isEmpty()) it.remove();
        }
    }

    private void check(MvccStore store, Random r, long now) {
        for (int q = 0; q < 20; q++) {
            byte[] k = key(r);
            TreeMap<Long, byte[]> versions = model.get(k);
            long newest = versions == null ? 0 : versions.lastKey();
            long at = r.nextBoolean() ? now - r.nextInt(8) : gcSafe + r.nextInt((int) (now - gcSafe + 2));
            String ctx = Arrays.toString(k) + " at " + at + " now " + now;
            assertEquals(newest, store.latestCommitTs(k), ctx);
            assertEquals(newest > at, store.changedAfter(k, at), ctx);
            Map.Entry<Long, byte[]> visible = versions == null ? null : versions.floorEntry(at);
            if (at >= gcSafe) assertArrayEquals(visible == null ? null : visible.getValue(), store.get(k, at), ctx);
            byte[] end = r.nextInt(4) == 0 ? null : key(r);
            byte[] start = end != null && Arrays.compareUnsigned(end, k) < 0 ? end : k;
            if (start == end) end = k;
            assertArrayEquals(firstChanged(start, end, at), store.firstKeyChangedAfter(start, end, at), ctx);
        }
    }

    private byte[] firstChanged(byte[] start, byte[] end, long ts) {
        var sub = end == null ? model.tailMap(start, true) : model.subMap(start, true, end, false);
        for (var e : sub.entrySet()) if (e.getValue().lastKey() > ts) return e.getKey();
        return null;
    }
}
