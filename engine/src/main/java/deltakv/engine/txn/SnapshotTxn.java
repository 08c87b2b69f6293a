package deltakv.engine.txn;

import deltakv.engine.storage.MvccStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The {@link Txn} a body runs on: reads at startTs overlaid with the pending writes, tracked reads
 * collected for the operation group. One thread at a time.
 */
final class SnapshotTxn implements Txn {
    private static final byte[] ZERO = {0};

    private final MvccStore store;
    private final long startTs;
    private final WriteBuffer writes = new WriteBuffer();
    private final TreeSet<byte[]> readKeys = new TreeSet<>(Bytes::compare);
    private final List<KeyRange> readRanges = new ArrayList<>();

    SnapshotTxn(MvccStore store, long startTs) {
        this.store = store;
        this.startTs = startTs;
    }

    private boolean untrackedReads;
    private Map<Class<?>, Object> locals;

    @Override
    public long startTs() {
        return startTs;
    }

    @Override
    public byte[] get(byte[] key) {
        trackRead(key);
        return read(key);
    }

    @Override
    public byte[] getUntracked(byte[] key) {
        untrackedReads = true;
        return read(key);
    }

    /**
     * Whether the body read something the apply-time check will not validate (an untracked get or scan).
     * Such a body's answer may rest on its snapshot alone, so it needs a confirmed one (see AsyncTxn).
     */
    boolean readUntracked() {
        return untrackedReads;
    }

    private byte[] read(byte[] key) {
        PendingWrite w = writes.get(key);
        return w != null ? w.visibleValue() : store.get(key, startTs);
    }

    @Override
    public List<KV> scan(KeyRange range, int limit, boolean reverse, boolean track) {
        if (limit <= 0 || (range.end() != null && Bytes.compare(range.start(), range.end()) >= 0)) return List.of();
        NavigableMap<byte[], PendingWrite> pending = writes.in(range, reverse);
        // pending deletes may hide store entries: fetch enough that the merge still fills the limit
        int fetch = (int) Math.min(Integer.MAX_VALUE, (long) limit + MergedScan.hiddenAtMost(pending));
        List<KV> out = MergedScan.merge(store.scan(range.start(), range.end(), startTs, fetch, reverse),
                pending, reverse, limit);
        if (track) trackRange(covered(range, out, limit, reverse));
        else untrackedReads = true;
        return out;
    }

    /** The part of {@code range} the result depends on: all of it, unless the limit cut it short. */
    private static KeyRange covered(KeyRange range, List<KV> out, int limit, boolean reverse) {
        if (out.size() < limit) return range;
        byte[] last = out.get(out.size() - 1).key();
        return reverse ? new KeyRange(last, range.end()) : new KeyRange(range.start(), Bytes.concat(last, ZERO));
    }

    @Override
    public void put(byte[] key, byte[] value) {
        writes.put(key, value);
    }

    @Override
    public void delete(byte[] key) {
        writes.delete(key);
    }

    @Override
    public void putAtCommitTs(byte[] prefix, byte[] suffix, byte[] value) {
        writes.putAtCommitTs(prefix, suffix, value);
    }

    @Override
    public int atApply(byte[] op) {
        return writes.atApply(op);
    }

    @Override
    public long latestVersionTs(KeyRange range) {
        trackRange(range);
        return store.latestCommitTsInRange(range.start(), range.end());
    }

    @Override
    public void trackRead(byte[] key) {
        readKeys.add(key.clone());
    }

    @Override
    public void trackRange(KeyRange range) {
        readRanges.add(range);
    }

    @Override
    public <T> T local(Class<T> type, Supplier<T> create) {
        if (locals == null) locals = new HashMap<>(4);
        return type.cast(locals.computeIfAbsent(type, t -> create.get()));
    }

    boolean hasWrites() {
        return !writes.isEmpty();
    }

    OperationGroup toGroup(long id) {
        return new OperationGroup(id, startTs, 0, List.copyOf(readKeys), List.copyOf(readRanges), writes.mutations());
    }
}
