package deltakv.engine.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;

/**
 * Multi-version key-value store on RocksDB. Every write is a version (value or tombstone) at a
 * commit timestamp; reads name a snapshot timestamp and see, per key, the newest version at or
 * below it. Metadata (last applied commit ts, Raft index, de-dup records) lives in a separate column
 * family so no internal key can collide with it. Thread-safe.
 */
public final class MvccStore implements AutoCloseable {
    public static final String APPLIED_TS = "applied-ts";
    private static final byte[] META_CF = "meta".getBytes(StandardCharsets.UTF_8);

    private final Path dir;
    private final RocksDB db;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final ColumnFamilyHandle data;
    private final ColumnFamilyHandle meta;
    private final ReadOptions readOptions = new ReadOptions();
    private final WriteOptions writeOptions = new WriteOptions();
    private volatile long lastAppliedTs;
    private final CloseGuard guard;

    private MvccStore(Path dir, RocksDB db, DBOptions dbo, ColumnFamilyOptions cfo, List<ColumnFamilyHandle> handles) {
        this.dir = dir;
        this.db = db;
        this.dbOptions = dbo;
        this.cfOptions = cfo;
        this.data = handles.get(0);
        this.meta = handles.get(1);
        this.guard = new CloseGuard("store " + dir);
        this.lastAppliedTs = metaLong(APPLIED_TS);
    }

    /** Opens (creating if missing) the store in {@code dir}; refuses foreign, corrupt or locked directories. */
    public static MvccStore open(Path dir) {
        boolean existing = StoreDirectory.prepare(dir);
        RocksDB.loadLibrary();
        DBOptions dbo = new DBOptions().setCreateIfMissing(!existing).setCreateMissingColumnFamilies(!existing)
                .setKeepLogFileNum(3).setMaxLogFileSize(16L << 20); // long harness runs: bound RocksDB's LOG files
        ColumnFamilyOptions cfo = new ColumnFamilyOptions();
        List<ColumnFamilyDescriptor> cfs = List.of(
                new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfo),
                new ColumnFamilyDescriptor(META_CF, cfo));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        RocksDB db = null;
        try {
            db = RocksDB.open(dbo, dir.toString(), cfs, handles);
            if (!existing) StoreDirectory.mark(dir);
            return new MvccStore(dir, db, dbo, cfo, handles);
        } catch (RocksDBException | RuntimeException e) {
            handles.forEach(ColumnFamilyHandle::close);
            if (db != null) db.close(); // releases the LOCK so a fixed directory can be retried
            dbo.close();
            cfo.close();
            if (e instanceof StorageException se) throw se;
            throw StoreDirectory.openFailure(dir, e);
        }
    }

    /** The value of {@code key} visible at snapshot {@code ts}, or null if absent or deleted. */
    public byte[] get(byte[] key, long ts) {
        try (var g = guard.enter(); RocksIterator it = db.newIterator(data, readOptions)) {
            byte[] prefix = VersionedKeyCodec.versionPrefix(key);
            it.seek(VersionedKeyCodec.encode(key, ts));
            if (!it.isValid() || !VersionedKeyCodec.hasPrefix(it.key(), prefix)) return null;
            return ValueCodec.value(it.value());
        }
    }

    /**
     * Keys in [start, end) visible at {@code ts}, ascending or (reverse) descending, at most
     * {@code limit}. {@code end == null} means unbounded.
     */
    public List<KV> scan(byte[] start, byte[] end, long ts, int limit, boolean reverse) {
        if (limit <= 0) return List.of();
        try (var g = guard.enter(); RocksIterator it = db.newIterator(data, readOptions)) {
            return reverse ? ReverseScan.run(it, start, end, ts, limit) : ForwardScan.run(it, start, end, ts, limit);
        }
    }

    /** Commit ts of the newest version of {@code key}, tombstones included; 0 if never written. */
    public long latestCommitTs(byte[] key) {
        try (var g = guard.enter(); RocksIterator it = db.newIterator(data, readOptions)) {
            byte[] prefix = VersionedKeyCodec.versionPrefix(key);
            it.seek(prefix);
            if (!it.isValid() || !VersionedKeyCodec.hasPrefix(it.key(), prefix)) return 0;
            return VersionedKeyCodec.decodeTs(it.key());
        }
    }

    /** Newest commit ts of any version of any key in [start, end); 0 if none. */
    public long latestCommitTsInRange(byte[] start, byte[] end) {
        try (var g = guard.enter(); RocksIterator it = db.newIterator(data, readOptions)) {
            return NewestVersions.newest(it, start, end).ts();
        }
    }

    /** The first key in [start, end) with a version above {@code ts} (the OCC range check), or null. */
    public byte[] firstKeyChangedAfter(byte[] start, byte[] end, long ts) {
        try (var g = guard.enter(); RocksIterator it = db.newIterator(data, readOptions)) {
            return NewestVersions.firstNewerThan(it, start, end, ts);
        }
    }

    public StoreBatch newBatch() {
        return new StoreBatch(data, meta);
    }

    /** Atomically writes {@code batch} and records {@code appliedTs} as the last applied commit ts. */
    public void commit(StoreBatch batch, long appliedTs) {
        batch.putMetaLong(APPLIED_TS, appliedTs);
        try (var g = guard.enter()) {
            db.write(writeOptions, batch.rocks());
        } catch (RocksDBException e) {
            throw new StorageException("write failed in " + dir + ": " + e.getMessage(), e);
        }
        if (appliedTs > lastAppliedTs) lastAppliedTs = appliedTs;
    }

    /** Writes all {@code writes} as versions at {@code commitTs} in one atomic batch. */
    public void write(long commitTs, List<? extends VersionedWrite> writes) {
        try (StoreBatch b = newBatch()) {
            for (VersionedWrite w : writes) b.write(commitTs, w);
            commit(b, commitTs);
        }
    }

    /** Commit ts of the last applied batch; survives restarts. */
    public long lastAppliedTs() {
        return lastAppliedTs;
    }

    public byte[] meta(byte[] name) {
        try (var g = guard.enter()) {
            return db.get(meta, readOptions, name);
        } catch (RocksDBException e) {
            throw new StorageException("read failed in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A metadata number written with {@link StoreBatch#putMetaLong}; 0 if never written. */
    public long metaLong(String name) {
        byte[] v = meta(name.getBytes(StandardCharsets.UTF_8));
        return v == null ? 0 : Longs.fromBytes(v);
    }

    /** Meta column family entries with {@code start <= name < endExclusive}, at most {@code limit}. */
    public List<KV> metaRange(byte[] start, byte[] endExclusive, int limit) {
        List<KV> out = new ArrayList<>();
        try (var g = guard.enter(); RocksIterator it = db.newIterator(meta, readOptions)) {
            for (it.seek(start); it.isValid() && out.size() < limit; it.next()) {
                byte[] k = it.key();
                if (Arrays.compareUnsigned(k, endExclusive) >= 0) break;
                out.add(new KV(k, it.value()));
            }
        }
        return out;
    }

    /** Deletes versions no reader at a snapshot >= {@code safeTs} can see; returns how many. */
    public long gc(long safeTs) {
        long deleted = 0;
        byte[] cursor = null;
        do {
            GcStep s = gcStep(cursor, safeTs, 10_000);
            deleted += s.deleted();
            cursor = s.resumeAt();
        } while (cursor != null);
        return deleted;
    }

    /** One bounded GC step over at most {@code maxKeys} keys starting at {@code cursor} (null = start). */
    public GcStep gcStep(byte[] cursor, long safeTs, int maxKeys) {
        try (var g = guard.enter()) {
            return GcPass.step(db, data, cursor, safeTs, maxKeys);
        } catch (RocksDBException e) {
            throw new StorageException("version GC failed in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Flushes memtables to disk. After GC deleted many versions this moves their tombstones out of the
     * memtable, where every iterator step over them is slow, into files that compaction cleans up.
     */
    public void flush() {
        try (var g = guard.enter(); FlushOptions fo = new FlushOptions().setWaitForFlush(true)) {
            db.flush(fo, List.of(data, meta));
        } catch (RocksDBException e) {
            throw new StorageException("flush failed in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A consistent copy of the store in {@code target} (must not exist), hard-linking SST files. */
    public void checkpoint(Path target) {
        if (Files.exists(target)) throw new StorageException("checkpoint target " + target + " already exists");
        try (var g = guard.enter(); Checkpoint cp = Checkpoint.create(db)) {
            cp.createCheckpoint(target.toString());
            StoreDirectory.mark(target);
        } catch (RocksDBException e) {
            throw new StorageException("checkpoint to " + target + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!guard.close()) return;
        data.close();
        meta.close();
        db.close();
        readOptions.close();
        writeOptions.close();
        dbOptions.close();
        cfOptions.close();
    }
}
