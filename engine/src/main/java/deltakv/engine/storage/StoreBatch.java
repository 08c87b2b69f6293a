package deltakv.engine.storage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Writes that become visible together: versions in the data column family and metadata (applied ts,
 * Raft index, de-dup records) in the meta column family, so the data and "how far we applied"
 * can never disagree after a crash. Obtain with {@link MvccStore#newBatch()}, write with
 * {@link MvccStore#commit(StoreBatch, long)}.
 */
public final class StoreBatch implements AutoCloseable {
    /** A version put in this batch, for the store's version cache once the batch is written. */
    record Written(byte[] key, long ts, byte[] stored) {}

    private final WriteBatch batch = new WriteBatch();
    private final List<Written> written = new ArrayList<>();
    private final ColumnFamilyHandle data;
    private final ColumnFamilyHandle meta;

    StoreBatch(ColumnFamilyHandle data, ColumnFamilyHandle meta) {
        this.data = data;
        this.meta = meta;
    }

    public StoreBatch put(byte[] key, long ts, byte[] value) {
        return version(key, ts, ValueCodec.put(value));
    }

    public StoreBatch delete(byte[] key, long ts) {
        return version(key, ts, ValueCodec.tombstone());
    }

    public StoreBatch write(long ts, VersionedWrite w) {
        // Java 17: no pattern switch; the interface is sealed to these two.
        if (w instanceof VersionedWrite.Put p) return put(p.key(), ts, p.value());
        return delete(w.key(), ts);
    }

    /** Stores a named metadata value (kept outside the versioned keyspace). */
    public StoreBatch putMeta(byte[] name, byte[] value) {
        return raw(meta, name, value);
    }

    public StoreBatch putMetaLong(String name, long value) {
        return putMeta(name.getBytes(StandardCharsets.UTF_8), Longs.toBytes(value));
    }

    public StoreBatch deleteMeta(byte[] name) {
        try {
            batch.delete(meta, name);
            return this;
        } catch (RocksDBException e) {
            throw new StorageException("cannot build write batch: " + e.getMessage(), e);
        }
    }

    /** Deletes the metadata records in [from, to). */
    public StoreBatch deleteMetaRange(byte[] from, byte[] to) {
        try {
            batch.deleteRange(meta, from, to);
            return this;
        } catch (RocksDBException e) {
            throw new StorageException("cannot build write batch: " + e.getMessage(), e);
        }
    }

    WriteBatch rocks() {
        return batch;
    }

    List<Written> written() {
        return written;
    }

    /** Highest ts of a version in this batch; {@code Long.MIN_VALUE} if none. */
    long newestTs() {
        long max = Long.MIN_VALUE;
        for (Written w : written) max = Math.max(max, w.ts());
        return max;
    }

    private StoreBatch version(byte[] key, long ts, byte[] stored) {
        raw(data, VersionedKeyCodec.encode(key, ts), stored);
        written.add(new Written(key, ts, stored));
        return this;
    }

    private StoreBatch raw(ColumnFamilyHandle cf, byte[] k, byte[] v) {
        try {
            batch.put(cf, k, v);
            return this;
        } catch (RocksDBException e) {
            throw new StorageException("cannot build write batch: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        batch.close();
    }
}
