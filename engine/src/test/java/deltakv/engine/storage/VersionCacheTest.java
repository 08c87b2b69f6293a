package deltakv.engine.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fill/write protocol that keeps cached answers equal to RocksDB's under races. */
class VersionCacheTest {
    static final byte[] K = {'k'};

    static List<StoreBatch.Written> put(long ts, byte... value) {
        return List.of(new StoreBatch.Written(K, ts, ValueCodec.put(value)));
    }

    static long ts(Newest n) {
        return ((Newest.Version) n).ts();
    }

    @Test
    void aFillRacingAWriteIsDroppedNotCachedStale() {
        VersionCache c = new VersionCache(100);
        long stamp = c.stamp();                // reader starts, seeks: sees version 10
        c.written(put(20, (byte) 2));          // a write lands after the seek (key not cached: nothing to merge)
        c.fill(K, stamp, new Newest.Version(10, ValueCodec.put(new byte[] {1})));
        assertNull(c.get(K), "the stale ts-10 answer must not be cached over the written ts 20");
        c.fill(K, c.stamp(), new Newest.Version(20, ValueCodec.put(new byte[] {2})));
        assertEquals(20, ts(c.get(K)));
    }

    @Test
    void aFillBeforeTheWriteIsUpdatedByIt() {
        VersionCache c = new VersionCache(100);
        c.fill(K, c.stamp(), new Newest.Version(10, ValueCodec.put(new byte[] {1})));
        c.written(put(20, (byte) 2));
        assertEquals(20, ts(c.get(K)));
        assertArrayEquals(new byte[] {1, 2}, ((Newest.Version) c.get(K)).stored());
        c.written(put(15, (byte) 3)); // an older version written later (checkpoint ingest) does not win
        assertEquals(20, ts(c.get(K)));
        c.written(put(20, (byte) 4)); // the same version rewritten: the later write wins, as in RocksDB
        assertArrayEquals(new byte[] {1, 4}, ((Newest.Version) c.get(K)).stored());
    }

    @Test
    void absentBecomesTheWrittenVersionAndGcForgets() {
        VersionCache c = new VersionCache(100);
        c.fill(K, c.stamp(), Newest.ABSENT);
        assertSame(Newest.ABSENT, c.get(K));
        c.written(put(7));
        assertEquals(7, ts(c.get(K)));
        long stamp = c.stamp();
        c.deleted(List.of(K));
        assertNull(c.get(K));
        c.fill(K, stamp, new Newest.Version(7, ValueCodec.tombstone()));
        assertNull(c.get(K), "a fill that read before the GC deletion is dropped");
    }

    @Test
    void largeValuesKeepOnlyTheTsAndAFullCacheStartsOver() {
        VersionCache c = new VersionCache(2);
        c.fill(K, c.stamp(), new Newest.Version(5, ValueCodec.put(new byte[VersionCache.MAX_VALUE_BYTES + 1])));
        assertEquals(new Newest.Version(5, null), c.get(K));
        c.fill(new byte[] {'a'}, c.stamp(), Newest.ABSENT);
        c.fill(new byte[] {'b'}, c.stamp(), Newest.ABSENT);
        assertEquals(1, c.size(), "cleared when full, then the new entry");
    }
}
