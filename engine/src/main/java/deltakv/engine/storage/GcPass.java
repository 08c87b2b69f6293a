package deltakv.engine.storage;

import java.util.Arrays;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * One bounded step of version GC. For each key, versions above safeTs stay; of the rest only the
 * newest survives, and only if it is a value (a tombstone at or below safeTs hides nothing any
 * reader at a snapshot >= safeTs could see, so it goes too).
 *
 * <pre>
 *   key k:  ts 90  ts 70  ts 40(tomb)  ts 20      safeTs = 50
 *           keep   keep   delete       delete
 *   key m:  ts 45  ts 30                          safeTs = 50
 *           keep   delete
 * </pre>
 * The doomed versions of a key are always its oldest, i.e. a contiguous run at the end of its
 * versions, so a key with many of them gets one range deletion instead of one tombstone each
 * (point tombstones by the thousand make later iterator steps over a hot key crawl).
 * Safe against concurrent commits: they only add versions above the last applied ts >= safeTs.
 * A key whose newest version is such a tombstone vanishes entirely; those keys are reported so the
 * store's version cache forgets them.
 */
final class GcPass {
    static final int DELETES_PER_BATCH = 1000;
    private static final int POINT_DELETES_MAX = 2;

    private GcPass() {}

    static GcStep step(RocksDB db, ColumnFamilyHandle cf, byte[] from, long safeTs, int maxKeys,
                       List<byte[]> vanished) throws RocksDBException {
        long deleted = 0;
        int keys = 0;
        try (RocksIterator it = db.newIterator(cf);
             WriteOptions wo = new WriteOptions();
             WriteBatch batch = new WriteBatch()) {
            if (from == null) it.seekToFirst();
            else it.seek(from);
            Doomed doomed = null;
            while (it.isValid()) {
                byte[] k = it.key();
                if (doomed == null || !VersionedKeyCodec.sameKey(k, doomed.group)) {
                    if (doomed != null) deleted += doomed.addTo(batch, cf, vanished);
                    // flush only between keys: deleting a tombstone without the versions under it
                    // would briefly resurrect an old value
                    if (batch.count() >= DELETES_PER_BATCH) flush(db, wo, batch);
                    if (keys == maxKeys) {
                        flush(db, wo, batch);
                        return new GcStep(deleted, k);
                    }
                    keys++;
                    doomed = new Doomed(k);
                }
                if (VersionedKeyCodec.decodeTs(k) <= safeTs) doomed.see(k, it);
                it.next();
            }
            if (doomed != null) deleted += doomed.addTo(batch, cf, vanished);
            flush(db, wo, batch);
            return new GcStep(deleted, null);
        }
    }

    /** The versions of one key at or below safeTs that must go. */
    private static final class Doomed {
        final byte[] group;
        boolean keptValue;
        byte[] first;
        byte[] second;
        int count;

        Doomed(byte[] group) {
            this.group = group;
        }

        /** {@code k} is at or below safeTs; versions arrive newest first. */
        void see(byte[] k, RocksIterator it) {
            if (count == 0 && !keptValue && !ValueCodec.isTombstone(it.value())) {
                keptValue = true; // newest value visible at safeTs stays
                return;
            }
            if (count == 0) first = k;
            else if (count == 1) second = k;
            count++;
        }

        long addTo(WriteBatch batch, ColumnFamilyHandle cf, List<byte[]> vanished) throws RocksDBException {
            if (count == 0) return 0;
            if (Arrays.equals(first, group)) vanished.add(VersionedKeyCodec.decodeKey(group));
            if (count <= POINT_DELETES_MAX) {
                batch.delete(cf, first);
                if (second != null) batch.delete(cf, second);
            } else {
                batch.deleteRange(cf, first, VersionedKeyCodec.versionsEnd(VersionedKeyCodec.decodeKey(group)));
            }
            return count;
        }
    }

    private static void flush(RocksDB db, WriteOptions wo, WriteBatch batch) throws RocksDBException {
        if (batch.count() > 0) {
            db.write(wo, batch);
            batch.clear();
        }
    }
}
