package deltakv.engine.txn;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A transaction's pending writes, ordered by key so scans can merge them with the store.
 * A {@link Mutation.PutAtCommitTs} is visible to the transaction's own reads under the key it would
 * have with commit ts {@link #PENDING_TS} (u64 max): above every real timestamp, so a pending delta
 * sorts after all committed ones. Deleting that key cancels the pending put.
 */
final class WriteBuffer {
    /** Commit-ts placeholder in keys of pending {@link Mutation.PutAtCommitTs} writes. */
    static final long PENDING_TS = -1L;

    private final TreeMap<byte[], PendingWrite> writes = new TreeMap<>(Bytes::compare);

    void put(byte[] key, byte[] value) {
        PendingWrite prev = writes.get(key);
        if (prev instanceof PendingWrite.AtCommitTs a) {
            writes.put(key, new PendingWrite.AtCommitTs(
                    new Mutation.PutAtCommitTs(a.put().prefix(), a.put().suffix(), value.clone())));
        } else {
            writes.put(key.clone(), new PendingWrite.Value(value.clone()));
        }
    }

    void delete(byte[] key) {
        if (writes.get(key) instanceof PendingWrite.AtCommitTs) writes.remove(key);
        else writes.put(key.clone(), new PendingWrite.Tombstone());
    }

    void putAtCommitTs(byte[] prefix, byte[] suffix, byte[] value) {
        Mutation.PutAtCommitTs m = new Mutation.PutAtCommitTs(prefix.clone(), suffix.clone(), value.clone());
        writes.put(m.keyAt(PENDING_TS), new PendingWrite.AtCommitTs(m));
    }

    /** The pending write to {@code key}, or null if the transaction did not write it. */
    PendingWrite get(byte[] key) {
        return writes.get(key);
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    /** Pending writes in [range.start, range.end), ascending or descending. */
    NavigableMap<byte[], PendingWrite> in(KeyRange range, boolean reverse) {
        NavigableMap<byte[], PendingWrite> sub = range.end() == null
                ? writes.tailMap(range.start(), true)
                : writes.subMap(range.start(), true, range.end(), false);
        return reverse ? sub.descendingMap() : sub;
    }

    /** The mutations to commit, in key order (each key written once, so order does not matter). */
    List<Mutation> mutations() {
        List<Mutation> out = new ArrayList<>(writes.size());
        writes.forEach((k, w) -> {
            if (w instanceof PendingWrite.Value v) out.add(new Mutation.Put(k, v.value()));
            else if (w instanceof PendingWrite.AtCommitTs a) out.add(a.put());
            else out.add(new Mutation.Delete(k));
        });
        return out;
    }
}
