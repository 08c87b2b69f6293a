package deltakv.engine.storage;

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
 * Safe against concurrent commits: they only add versions above the last applied ts >= safeTs.
 */
final class GcPass {
    static final int DELETES_PER_BATCH = 1000;

    private GcPass() {}

    static GcStep step(RocksDB db, ColumnFamilyHandle cf, byte[] from, long safeTs, int maxKeys)
            throws RocksDBException {
        long deleted = 0;
        int keys = 0;
        try (RocksIterator it = db.newIterator(cf);
             WriteOptions wo = new WriteOptions();
             WriteBatch batch = new WriteBatch()) {
            if (from == null) it.seekToFirst();
            else it.seek(from);
            byte[] group = null;
            boolean kept = false;
            while (it.isValid()) {
                byte[] k = it.key();
                if (group == null || !VersionedKeyCodec.sameKey(k, group)) {
                    if (keys == maxKeys) {
                        flush(db, wo, batch);
                        return new GcStep(deleted, k);
                    }
                    // flush only between keys: deleting a tombstone without the versions under it
                    // would briefly resurrect an old value
                    if (batch.count() >= DELETES_PER_BATCH) flush(db, wo, batch);
                    keys++;
                    group = k;
                    kept = false;
                }
                if (VersionedKeyCodec.decodeTs(k) <= safeTs) {
                    if (!kept && !ValueCodec.isTombstone(it.value())) {
                        kept = true; // newest visible value at safeTs
                    } else {
                        kept = true;
                        batch.delete(cf, k);
                        deleted++;
                    }
                }
                it.next();
            }
            flush(db, wo, batch);
            return new GcStep(deleted, null);
        }
    }

    private static void flush(RocksDB db, WriteOptions wo, WriteBatch batch) throws RocksDBException {
        if (batch.count() > 0) {
            db.write(wo, batch);
            batch.clear();
        }
    }
}
