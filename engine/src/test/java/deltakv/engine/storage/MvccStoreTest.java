package deltakv.engine.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MvccStoreTest extends TempStoreTest {
    static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    static List<String> keys(List<KV> kvs) {
        return kvs.stream().map(kv -> new String(kv.key(), UTF_8)).toList();
    }

    void put(long ts, String k, String v) {
        store.write(ts, List.of(new VersionedWrite.Put(b(k), b(v))));
    }

    void del(long ts, String k) {
        store.write(ts, List.of(new VersionedWrite.Delete(b(k))));
    }

    @Test
    void getSeesNewestVersionAtOrBelowSnapshot() {
        put(10, "k", "v10");
        put(20, "k", "v20");
        del(30, "k");
        put(40, "k", "v40");
        assertNull(store.get(b("k"), 9));
        assertArrayEquals(b("v10"), store.get(b("k"), 10));
        assertArrayEquals(b("v10"), store.get(b("k"), 19));
        assertArrayEquals(b("v20"), store.get(b("k"), 29));
        assertNull(store.get(b("k"), 30));
        assertArrayEquals(b("v40"), store.get(b("k"), Long.MAX_VALUE));
        assertNull(store.get(b("other"), 100));
        assertNull(store.get(b("k\0"), 100), "a longer key sharing the prefix is a different key");
    }

    @Test
    void latestCommitTsCountsTombstones() {
        assertEquals(0, store.latestCommitTs(b("k")));
        put(10, "k", "v");
        del(25, "k");
        assertEquals(25, store.latestCommitTs(b("k")));
        put(30, "k2", "v");
        assertEquals(30, store.latestCommitTsInRange(b("k"), null));
        assertEquals(25, store.latestCommitTsInRange(b("k"), b("k2")));
        assertEquals(0, store.latestCommitTsInRange(b("a"), b("k")));
        assertArrayEquals(b("k2"), store.firstKeyChangedAfter(b("a"), null, 25));
        assertArrayEquals(b("k"), store.firstKeyChangedAfter(b("a"), null, 24));
        assertNull(store.firstKeyChangedAfter(b("a"), null, 30));
    }

    @Test
    void scansBothDirectionsWithLimitsAndTombstonesHidden() {
        put(10, "a", "1");
        put(10, "b", "1");
        put(10, "c", "1");
        put(20, "b", "2");
        del(30, "c");
        put(40, "d", "4");
        assertEquals(List.of("a", "b", "c"), keys(store.scan(b("a"), null, 10, 100, false)));
        assertEquals(List.of("a", "b"), keys(store.scan(b("a"), null, 35, 100, false)));
        assertEquals(List.of("a", "b", "d"), keys(store.scan(b("a"), null, 40, 100, false)));
        assertEquals(List.of("d", "b", "a"), keys(store.scan(b("a"), null, 40, 100, true)));
        assertEquals(List.of("c", "b", "a"), keys(store.scan(b("a"), null, 25, 100, true)));
        assertEquals(List.of("b", "c"), keys(store.scan(b("b"), b("d"), 25, 100, false)));
        assertEquals(List.of("c", "b"), keys(store.scan(b("b"), b("d"), 25, 100, true)));
        assertEquals(List.of("a", "b"), keys(store.scan(b("a"), null, 40, 2, false)));
        assertEquals(List.of("d", "b"), keys(store.scan(b("a"), null, 40, 2, true)));
        assertEquals(List.of(), store.scan(b("a"), null, 40, 0, false));
        assertArrayEquals(b("2"), store.scan(b("b"), b("c"), 20, 1, true).get(0).value());
        assertArrayEquals(b("1"), store.scan(b("b"), b("c"), 19, 1, false).get(0).value());
    }

    @Test
    void restartKeepsDataAndLastAppliedTs() {
        put(10, "k", "v");
        del(12, "gone");
        assertEquals(12, store.lastAppliedTs());
        store.close();
        store = MvccStore.open(dir.resolve("db"));
        assertEquals(12, store.lastAppliedTs());
        assertArrayEquals(b("v"), store.get(b("k"), 12));
        assertEquals(12, store.latestCommitTs(b("gone")));
    }

    @Test
    void metadataNeverCollidesWithInternalKeys() {
        put(10, MvccStore.APPLIED_TS, "user value");
        assertEquals(10, store.lastAppliedTs());
        assertArrayEquals(b("user value"), store.get(b(MvccStore.APPLIED_TS), 10));
        assertEquals(10, store.metaLong(MvccStore.APPLIED_TS));
    }

    @Test
    void checkpointIsAnOpenableCopy() {
        put(10, "k", "v");
        Path cp = dir.resolve("cp");
        store.checkpoint(cp);
        put(20, "k", "after");
        try (MvccStore copy = MvccStore.open(cp)) {
            assertArrayEquals(b("v"), copy.get(b("k"), 100));
            assertEquals(10, copy.lastAppliedTs());
        }
    }
}
