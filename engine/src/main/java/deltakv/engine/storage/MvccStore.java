package deltakv.engine.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
 *
 * <p>A {@link VersionCache} answers "newest version of this key" for hot keys and {@link RecentWrites}
 * answers the OCC question "changed after ts?" for recent ts, both without a RocksDB seek; every write
 * and deletion of versions goes through {@link #commit} or {@link #gcStep}, which keep them exact.
 */
public final class MvccStore implements AutoCloseable {
    public static final String APPLIED_TS = "applied-ts";
    /**
     * Highest commit ts of any version above the applied ts (only a checkpoint ingest writes such
     * versions before it moves the applied ts): with the applied ts, it bounds every version's ts,
     * which is what {@link RecentWrites} cannot know at open.
     */
    static final String VERSION_CEILING = "version-ceiling";
    private static final int RECENT_WRITES = 1 << 15;
    /** Past this many entries a "changed after ts?" walk asks RocksDB instead (an old snapshot). */
    private static final int RECENT_WALK = 2048;
    private static final byte[] META_CF = "meta".getBytes(StandardCharsets.UTF_8);
    /**
     * Meta memtable size. Every group adds de-dup records (random ids) and pruning deletes them;
     * in the default 64 MB memtable each insert's skiplist search misses the CPU cache, and with
     * 4 MB the apply path costs about a quarter less (docs/perf-apply.md), flushes included.
     */
    private static final long META_WRITE_BUFFER = 4L << 20;

    private final Path dir;
    private final RocksDB db;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final ColumnFamilyOptions metaCfOptions;
    private final ColumnFamilyHandle data;
    private final ColumnFamilyHandle meta;
    private final ReadOptions readOptions = new ReadOptions();
    private final WriteOptions writeOptions = new WriteOptions();
    private final VersionCache cache;
    private final RecentWrites recent;
    private final AtomicLong commits = new AtomicLong();
    private final Object commitLock = new Object();
    private long versionCeiling; // guarded by commitLock
    private volatile long lastAppliedTs;
    private final CloseGuard guard;

    private MvccStore(Path dir, RocksDB db, DBOptions dbo, ColumnFamilyOptions cfo, ColumnFamilyOptions metaCfo,
                      List<ColumnFamilyHandle> handles, int recentWrites, int cachedKeys) {
        this.dir = dir;
        this.db = db;
        this.dbOptions = dbo;
        this.cfOptions = cfo;
        this.metaCfOptions = metaCfo;
        this.data = handles.get(0);
        this.meta = handles.get(1);
        this.guard = new CloseGuard("store " + dir);
        this.cache = new VersionCache(cachedKeys);
        this.lastAppliedTs = metaLong(APPLIED_TS);
        this.versionCeiling = Math.max(lastAppliedTs, metaLong(VERSION_CEILING));
        this.recent = new RecentWrites(recentWrites, RECENT_WALK, versionCeiling);
    }

    /** Opens (creating if missing) the store in {@code dir}; refuses foreign, corrupt or locked directories. */
    public static MvccStore open(Path dir) {
        return open(dir, RECENT_WRITES, VersionCache.MAX_ENTRIES);
    }

    /** {@link #open(Path)} with given capacities of the recent-writes index and the cache (tests make them small). */
    static MvccStore open(Path dir, int recentWrites, int cachedKeys) {
        boolean existing = StoreDirectory.prepare(dir);
        RocksDB.loadLibrary();
        DBOptions dbo = new DBOptions().setCreateIfMissing(!existing).setCreateMissingColumnFamilies(!existing)
                .setKeepLogFileNum(3).setMaxLogFileSize(16L << 20); // long harness runs: bound RocksDB's LOG files
        ColumnFamilyOptions cfo = new ColumnFamilyOptions();
        ColumnFamilyOptions metaCfo = new ColumnFamilyOptions().setWriteBufferSize(META_WRITE_BUFFER);
        List<ColumnFamilyDescriptor> cfs = List.of(
                new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfo),
                new ColumnFamilyDescriptor(META_CF, metaCfo));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        RocksDB db = null;
        try {
            db = RocksDB.open(dbo, dir.toString(), cfs, handles);
            if (!existing) StoreDirectory.mark(dir);
            return new MvccStore(dir, db, dbo, cfo, metaCfo, handles, recentWrites, cachedKeys);
        } catch (RocksDBException | RuntimeException e) {
            handles.forEach(ColumnFamilyHandle::close);
            if (db != null) db.close(); // releases the LOCK so a fixed directory can be retried
            dbo.close();
            cfo.close();
            metaCfo.close();
            if (e instanceof StorageException se) throw se;
            throw StoreDirectory.openFailure(dir, e);
        }
    }

    /** The value of {@code key} visible at snapshot {@code ts}, or null if absent or deleted. */
    public byte[] get(byte[] key, long ts) {
        try (var g = guard.enter()) {
            Newest n = cache.get(key);
            if (n instanceof Newest.Absent) return null;
            if (n instanceof Newest.Version v && v.ts() <= ts && v.stored() != null) return ValueCodec.value(v.stored());
            long stamp = cache.stamp(); // before the iterator: its implicit snapshot is taken at creation
            try (RocksIterator it = db.newIterator(data, readOptions)) {
                // cached but newer than ts (or too large to keep): the version at ts is elsewhere
                return n != null ? VersionSeek.valueAt(it, key, ts) : readThrough(it, key, ts, stamp);
            }
        }
    }

    /**
     * Seeks the newest version (caching it); if it is above {@code ts}, seeks the one at {@code ts}.
     * {@code stamp} was taken before {@code it} was created.
     */
    private byte[] readThrough(RocksIterator it, byte[] key, long ts, long stamp) {
        Newest newest = VersionSeek.newest(it, key);
        cache.fill(key, stamp, newest);
        if (!(newest instanceof Newest.Version v)) return null;
        return v.ts() <= ts ? ValueCodec.value(v.stored()) : VersionSeek.valueAt(it, key, ts);
    }

    /**
     * Keys in [start, end) visible at {@code ts}, ascending or (reverse) descending, at most
     * {@code limit}. {@code end == null} means unbounded.
     */
    public List<KV> scan(byte[] start, byte[] end, long ts, int limit, boolean reverse) {
        if (limit <= 0) return List.of();
        // Bounded iterators: RocksDB stops at the bound instead of stepping through the deletions GC and
        // compaction leave beyond it (a delta-list scan past its last live delta cost ~60 % of the leader's CPU).
        try (var g = guard.enter(); ScanBounds b = ScanBounds.of(start, end, reverse);
             RocksIterator it = db.newIterator(data, b.options())) {
            return reverse ? ReverseScan.run(it, start, end, ts, limit) : ForwardScan.run(it, start, end, ts, limit);
        }
    }

    /** Commit ts of the newest version of {@code key}, tombstones included; 0 if never written. */
    public long latestCommitTs(byte[] key) {
        try (var g = guard.enter()) {
            Newest n = cache.get(key);
            if (n == null) {
                long stamp = cache.stamp(); // before the iterator, as in get
                try (RocksIterator it = db.newIterator(data, readOptions)) {
                    n = VersionSeek.newest(it, key);
                }
                cache.fill(key, stamp, n);
            }
            return n instanceof Newest.Version v ? v.ts() : 0;
        }
    }

    /** Newest commit ts of any version of any key in [start, end); 0 if none. */
    public long latestCommitTsInRange(byte[] start, byte[] end) {
        try (var g = guard.enter(); RocksIterator it = db.newIterator(data, readOptions)) {
            return NewestVersions.newest(it, start, end).ts();
        }
    }

    /** Whether {@code key} has a version (value or tombstone) above {@code ts}: the OCC key check. */
    public boolean changedAfter(byte[] key, long ts) {
        Boolean known = recent.changedAfter(key, ts);
        return known != null ? known : latestCommitTs(key) > ts;
    }

    /** The first key in [start, end) with a version above {@code ts} (the OCC range check), or null. */
    public byte[] firstKeyChangedAfter(byte[] start, byte[] end, long ts) {
        byte[] unknown = {};
        byte[] known = recent.firstChangedAfter(start, end, ts, unknown);
        if (known != unknown) return known == null ? null : known.clone();
        try (var g = guard.enter(); RocksIterator it = db.newIterator(data, readOptions)) {
            return NewestVersions.firstNewerThan(it, start, end, ts);
        }
    }

    public StoreBatch newBatch() {
        return new StoreBatch(data, meta);
    }

    /**
     * Atomically writes {@code batch} and records {@code appliedTs} as the last applied commit ts
     * (the applied ts never goes down: a lower {@code appliedTs} leaves it where it is).
     * Returns this commit's sequence number (1, 2, ... since open), so a caller can tell whether
     * anyone else committed since its own last commit ({@link #commits()}).
     */
    public long commit(StoreBatch batch, long appliedTs) {
        synchronized (commitLock) {
            long applied = Math.max(appliedTs, lastAppliedTs);
            batch.putMetaLong(APPLIED_TS, applied);
            long newest = batch.newestTs();
            if (newest > applied && newest > versionCeiling) {
                versionCeiling = newest;
                batch.putMetaLong(VERSION_CEILING, newest);
            }
            try (var g = guard.enter()) {
                db.write(writeOptions, batch.rocks());
            } catch (RocksDBException e) {
                throw new StorageException("write failed in " + dir + ": " + e.getMessage(), e);
            }
            // before the watermark moves: readers at it must see the writes
            cache.written(batch.written());
            recent.written(batch.written());
            long n = commits.incrementAndGet();
            lastAppliedTs = applied;
            return n;
        }
    }

    /** Number of {@link #commit}s since open. */
    public long commits() {
        return commits.get();
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

    /** The last meta column family entry with {@code start <= name < endExclusive}, or null. */
    public KV lastMeta(byte[] start, byte[] endExclusive) {
        try (var g = guard.enter(); RocksIterator it = db.newIterator(meta, readOptions)) {
            it.seekForPrev(endExclusive);
            if (it.isValid() && Arrays.equals(it.key(), endExclusive)) it.prev();
            if (!it.isValid() || Arrays.compareUnsigned(it.key(), start) < 0) return null;
            return new KV(it.key(), it.value());
        }
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
        List<byte[]> vanished = new ArrayList<>();
        try (var g = guard.enter()) {
            return GcPass.step(db, data, cursor, safeTs, maxKeys, vanished);
        } catch (RocksDBException e) {
            throw new StorageException("version GC failed in " + dir + ": " + e.getMessage(), e);
        } finally {
            // also after a failure: some of the step's deletions may be written
            cache.deleted(vanished);
            recent.deleted(vanished, safeTs);
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
        metaCfOptions.close();
    }
}
