package deltakv.engine.txn;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A transaction's pending writes, ordered by key so scans can merge them with the store.
 * {@link Mutation.PutAtCommitTs} writes are kept aside: their key depends on a commit ts that does
 * not exist yet, so the transaction's own reads cannot see them (the data layer keeps its own tally
 * of pending deltas).
 */
final class WriteBuffer {
    private final TreeMap<byte[], PendingWrite> writes = new TreeMap<>(Bytes::compare);
    private final List<Mutation.PutAtCommitTs> atCommitTs = new ArrayList<>();
    private final List<Mutation.AtApply> atApply = new ArrayList<>();

    void put(byte[] key, byte[] value) {
        writes.put(key.clone(), new PendingWrite.Value(value.clone()));
    }

    void delete(byte[] key) {
        writes.put(key.clone(), new PendingWrite.Tombstone());
    }

    void putAtCommitTs(byte[] prefix, byte[] suffix, byte[] value) {
        atCommitTs.add(new Mutation.PutAtCommitTs(prefix.clone(), suffix.clone(), value.clone()));
    }

    /** Returns the operation's output index. */
    int atApply(byte[] op) {
        atApply.add(new Mutation.AtApply(op.clone()));
        return atApply.size() - 1;
    }

    /** The pending write to {@code key}, or null if the transaction did not write it. */
    PendingWrite get(byte[] key) {
        return writes.get(key);
    }

    boolean isEmpty() {
        return writes.isEmpty() && atCommitTs.isEmpty() && atApply.isEmpty();
    }

    /** Pending writes in [range.start, range.end), ascending or descending. */
    NavigableMap<byte[], PendingWrite> in(KeyRange range, boolean reverse) {
        NavigableMap<byte[], PendingWrite> sub = range.end() == null
                ? writes.tailMap(range.start(), true)
                : writes.subMap(range.start(), true, range.end(), false);
        return reverse ? sub.descendingMap() : sub;
    }

    /**
     * The mutations to commit: keyed writes in key order (one per key), then commit-ts puts, then
     * apply-time operations, each in order (the operations see the keyed writes).
     */
    List<Mutation> mutations() {
        List<Mutation> out = new ArrayList<>(writes.size() + atCommitTs.size() + atApply.size());
        writes.forEach((k, w) -> out.add(w instanceof PendingWrite.Value v ? new Mutation.Put(k, v.value())
                : new Mutation.Delete(k)));
        out.addAll(atCommitTs);
        out.addAll(atApply);
        return out;
    }
}
