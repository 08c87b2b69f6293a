package deltakv.engine.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The recent-writes index answers exactly above its floor and says "unknown" below it. */
class RecentWritesTest {
    static final byte[] UNKNOWN = {};

    static List<StoreBatch.Written> put(String key, long ts) {
        return List.of(new StoreBatch.Written(key.getBytes(), ts, ValueCodec.put(new byte[0])));
    }

    @Test
    void answersAboveTheFloorOnly() {
        RecentWrites r = new RecentWrites(10, 100, 100);
        r.written(put("a", 105));
        r.written(put("a", 50)); // below the floor: nothing promised, not indexed
        assertEquals(true, r.changedAfter("a".getBytes(), 104));
        assertEquals(false, r.changedAfter("a".getBytes(), 105));
        assertEquals(false, r.changedAfter("b".getBytes(), 100), "never written above the floor");
        assertNull(r.changedAfter("a".getBytes(), 99), "below the floor: ask RocksDB");
        assertSame(UNKNOWN, r.firstChangedAfter("a".getBytes(), null, 99, UNKNOWN));
    }

    @Test
    void droppingTheOldestRaisesTheFloorSoItIsNotMistakenForUnwritten() {
        RecentWrites r = new RecentWrites(2, 100, 0);
        r.written(put("a", 10));
        r.written(put("b", 20));
        r.written(put("c", 30)); // drops a@10
        assertEquals(10, r.floor());
        assertNull(r.changedAfter("a".getBytes(), 5), "a@10 fell out: below the floor is unknown");
        assertEquals(false, r.changedAfter("a".getBytes(), 10));
        assertEquals(true, r.changedAfter("b".getBytes(), 10));
        r.written(put("b", 40)); // drops b@20, but b's newest (40) stays
        assertEquals(true, r.changedAfter("b".getBytes(), 30));
    }

    @Test
    void rangeQueriesFindTheFirstKeyChangedAfterTs() {
        RecentWrites r = new RecentWrites(10, 100, 0);
        r.written(put("b", 10));
        r.written(put("c", 30));
        r.written(put("d", 40));
        assertArrayEquals("c".getBytes(), r.firstChangedAfter("a".getBytes(), "z".getBytes(), 20, UNKNOWN));
        assertNull(r.firstChangedAfter("a".getBytes(), "c".getBytes(), 20, UNKNOWN), "end is exclusive");
        assertArrayEquals("d".getBytes(), r.firstChangedAfter("d".getBytes(), null, 20, UNKNOWN));
        assertNull(r.firstChangedAfter("z".getBytes(), "a".getBytes(), 0, UNKNOWN), "empty range");
    }

    @Test
    void afterGcDeletedAKeyTimestampsBelowItsSafeTsAreUnknown() {
        RecentWrites r = new RecentWrites(10, 100, 0);
        r.written(put("a", 10));
        r.written(put("b", 60));
        r.deleted(List.of("a".getBytes()), 50); // a@10 (a tombstone) is gone from the store
        assertNull(r.changedAfter("a".getBytes(), 5), "the index still holds a@10: must not answer");
        assertEquals(true, r.changedAfter("b".getBytes(), 50));
        r.deleted(List.of(), 55);
        assertEquals(50, r.floor(), "a GC pass that deleted no whole key changes nothing");
    }

    @Test
    void outOfOrderWritesAndLongWalks() {
        RecentWrites r = new RecentWrites(10, 3, 0);
        r.written(put("a", 50));
        r.written(put("b", 20)); // written after a newer version (checkpoint ingest)
        r.written(put("c", 21));
        assertEquals(true, r.changedAfter("a".getBytes(), 30), "the walk does not stop at b@20");
        assertEquals(false, r.changedAfter("a".getBytes(), 50));
        r.written(put("d", 60));
        assertNull(r.changedAfter("a".getBytes(), 30), "more than 3 entries to walk: ask RocksDB");
    }
}
