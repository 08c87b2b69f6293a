package deltakv.engine.raft;

import deltakv.engine.storage.KV;
import deltakv.engine.storage.MvccStore;
import deltakv.engine.storage.StoreBatch;
import deltakv.engine.storage.VersionedKeyCodec;
import deltakv.engine.txn.VersionGc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Brings the live store up to an installed snapshot by copying every version and metadata record of
 * the snapshot's RocksDB checkpoint into it. The live store object stays the same (everything in the
 * node holds it), and readers are unaffected while it runs: the copied versions are above their
 * snapshot timestamps, and the applied watermark moves only with the last batch.
 */
final class CheckpointIngest {
    private static final int BATCH = 10_000;
    private static final byte[] APPLIED_TS = MvccStore.APPLIED_TS.getBytes(StandardCharsets.UTF_8);

    private CheckpointIngest() {}

    static void ingest(Path snapshotDir, long snapshotAppliedTs, MvccStore live) throws IOException {
        // Read a private copy: opening RocksDB writes files, and the snapshot's files must stay as listed.
        Path copy = snapshotDir.resolveSibling(".ingest-tmp");
        SnapshotDirs.deleteTree(copy);
        Files.createDirectories(copy);
        try {
            copyTree(snapshotDir, copy);
            RocksDB.loadLibrary();
            List<ColumnFamilyDescriptor> cfs = List.of(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY),
                    new ColumnFamilyDescriptor("meta".getBytes(StandardCharsets.UTF_8)));
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            try (DBOptions o = new DBOptions(); RocksDB db = RocksDB.openReadOnly(o, copy.toString(), cfs, handles)) {
                buryDropped(db, handles.get(0), live, snapshotAppliedTs);
                copyVersions(db, handles.get(0), live);
                copyMeta(db, handles.get(1), live, snapshotAppliedTs);
            } catch (RocksDBException e) {
                throw new IOException("cannot read snapshot " + snapshotDir + ": " + e.getMessage(), e);
            } finally {
                handles.forEach(ColumnFamilyHandle::close);
            }
        } finally {
            SnapshotDirs.deleteTree(copy);
        }
    }

    /**
     * Copying alone would bring back a key the leader deleted while this node was away: if the leader's version
     * GC then dropped the key altogether (its tombstone fell below the retention), the checkpoint has no version of
     * it and the live store still has the old value. So every key visible here that the checkpoint has no version
     * of gets a tombstone at {@code snapshotTs - retention}. That is above every version the leader's GC can have
     * dropped (its cut-off was at most its applied ts - retention) and not above the snapshot of any group the
     * apply function still accepts (at least applied ts - retention): reads and conflict checks answer here as
     * they do on the leader. This node's GC later drops the tombstone with the rest.
     */
    private static void buryDropped(RocksDB db, ColumnFamilyHandle cf, MvccStore live, long snapshotTs) {
        long at = snapshotTs - VersionGc.DEFAULT_RETENTION;
        if (at <= 0) return; // nothing can have been collected yet
        byte[] from = new byte[0];
        try (RocksIterator it = db.newIterator(cf); StoreBatch b = live.newBatch()) {
            while (true) {
                List<KV> page = live.scan(from, null, Long.MAX_VALUE, BATCH, false);
                for (KV kv : page) {
                    byte[] prefix = VersionedKeyCodec.versionPrefix(kv.key());
                    it.seek(prefix);
                    if (it.isValid() && VersionedKeyCodec.hasPrefix(it.key(), prefix)) continue;
                    b.delete(kv.key(), at);
                }
                if (page.size() < BATCH) break;
                byte[] last = page.get(page.size() - 1).key();
                from = Arrays.copyOf(last, last.length + 1); // the next key after it
            }
            live.commit(b, live.lastAppliedTs());
        }
    }

    private static void copyVersions(RocksDB db, ColumnFamilyHandle cf, MvccStore live) {
        StoreBatch b = live.newBatch();
        try (RocksIterator it = db.newIterator(cf)) {
            int n = 0;
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] k = it.key();
                byte[] v = it.value();
                byte[] key = VersionedKeyCodec.decodeKey(k);
                long ts = VersionedKeyCodec.decodeTs(k);
                // stored value = tag byte (0 tombstone, 1 put) + user value; see storage.ValueCodec
                if (v.length > 0 && v[0] == 0) b.delete(key, ts);
                else b.put(key, ts, Arrays.copyOfRange(v, 1, v.length));
                if (++n % BATCH == 0) {
                    live.commit(b, live.lastAppliedTs());
                    b.close();
                    b = live.newBatch();
                }
            }
            live.commit(b, live.lastAppliedTs());
        } finally {
            b.close();
        }
    }

    private static void copyMeta(RocksDB db, ColumnFamilyHandle cf, MvccStore live, long appliedTs) {
        try (StoreBatch b = live.newBatch(); RocksIterator it = db.newIterator(cf)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                if (!Arrays.equals(it.key(), APPLIED_TS)) b.putMeta(it.key(), it.value());
            }
            live.commit(b, appliedTs);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(f.getFileName().toString());
                if (f.getFileName().toString().endsWith(".sst")) {
                    try {
                        Files.createLink(t, f);
                        continue;
                    } catch (IOException | UnsupportedOperationException e) {
                        // other file system: copy instead
                    }
                }
                Files.copy(f, t);
            }
        }
    }
}
