package deltakv.engine.txn;

import deltakv.engine.storage.MvccStore;
import deltakv.engine.storage.StoreBatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Supplier;

/**
 * The {@link Txn} an apply-time operation runs on ({@link ApplyTimeOps}): reads see the newest state —
 * the store overlaid with what earlier groups and operations of the same log entry wrote — and writes go
 * straight into the entry's batch at the group's commit ts. Nothing is tracked: the applier runs one
 * group at a time, so there is nothing to conflict with. Every replica sees the same state here, since
 * version GC keeps each key's newest version.
 */
final class AtApplyTxn implements Txn {
    /** Above every version: reads see the newest one. */
    private static final long NEWEST = Long.MAX_VALUE;

    private final MvccStore store;
    private final StoreBatch batch;
    private final PendingVersions pending;
    private final long commitTs;
    private Map<Class<?>, Object> locals;

    AtApplyTxn(MvccStore store, StoreBatch batch, PendingVersions pending, long commitTs) {
        this.store = store;
        this.batch = batch;
        this.pending = pending;
        this.commitTs = commitTs;
    }

    @Override
    public long startTs() {
        return commitTs;
    }

    @Override
    public byte[] get(byte[] key) {
        PendingWrite w = pending.value(key);
        return w != null ? w.visibleValue() : store.get(key, NEWEST);
    }

    @Override
    public byte[] getUntracked(byte[] key) {
        return get(key);
    }

    @Override
    public List<KV> scan(KeyRange range, int limit, boolean reverse, boolean track) {
        if (limit <= 0 || (range.end() != null && Bytes.compare(range.start(), range.end()) >= 0)) return List.of();
        NavigableMap<byte[], PendingWrite> mine = pending.in(range, reverse);
        int fetch = (int) Math.min(Integer.MAX_VALUE, (long) limit + MergedScan.hiddenAtMost(mine));
        List<deltakv.engine.storage.KV> stored = store.scan(range.start(), range.end(), NEWEST, fetch, reverse);
        return MergedScan.merge(stored, mine, reverse, limit);
    }

    @Override
    public void put(byte[] key, byte[] value) {
        batch.put(key, commitTs, value);
        pending.add(key, commitTs, new PendingWrite.Value(value));
    }

    @Override
    public void delete(byte[] key) {
        batch.delete(key, commitTs);
        pending.add(key, commitTs, new PendingWrite.Tombstone());
    }

    @Override
    public void putAtCommitTs(byte[] prefix, byte[] suffix, byte[] value) {
        put(new Mutation.PutAtCommitTs(prefix, suffix, value).keyAt(commitTs), value);
    }

    @Override
    public long latestVersionTs(KeyRange range) {
        throw new UnsupportedOperationException("WATCH has no meaning at apply time");
    }

    @Override
    public void trackRead(byte[] key) {}

    @Override
    public void trackRange(KeyRange range) {}

    @Override
    public <T> T local(Class<T> type, Supplier<T> create) {
        if (locals == null) locals = new HashMap<>(4);
        return type.cast(locals.computeIfAbsent(type, t -> create.get()));
    }
}
