package deltakv.engine.collections;

import deltakv.engine.txn.Txn;
import java.util.List;
import java.util.Optional;

/**
 * List operations over a transaction. Callers check types first (a string under the key is WRONGTYPE);
 * an empty list does not exist for users. Every read registers what every concurrent writer of the list
 * touches, so a MULTI/EXEC that reads a list is serializable.
 */
public interface ListStore {
    /** Pushes {@code values} one by one at {@code end}; returns the new length. */
    long push(Txn txn, byte[] key, End end, List<byte[]> values);

    /** Pops up to {@code count} elements from {@code end}; empty if the list is empty or missing. */
    List<byte[]> pop(Txn txn, byte[] key, End end, long count);

    long length(Txn txn, byte[] key);

    /** Elements at logical indexes {@code [start, stop]} after Redis normalisation of negative indexes. */
    List<byte[]> range(Txn txn, byte[] key, long start, long stop);

    /** Element at a logical index (negative counts from the tail), or null. */
    byte[] index(Txn txn, byte[] key, long index);

    default boolean exists(Txn txn, byte[] key) {
        return length(txn, key) > 0;
    }

    /**
     * RPUSH/LPUSH (and the X forms, {@code onlyIfExists}): the new length. Decided now, at the snapshot,
     * unless the variant leaves it to the state machine.
     */
    default Decided<Long> pushCommand(Txn txn, byte[] key, End end, List<byte[]> values, boolean onlyIfExists) {
        if (onlyIfExists && !exists(txn, key)) return new Decided.Now<>(0L);
        return new Decided.Now<>(push(txn, key, end, values));
    }

    /** LPOP/RPOP with {@code count}: the popped elements, or empty if there is no list. As above. */
    default Decided<Optional<List<byte[]>>> popCommand(Txn txn, byte[] key, End end, long count) {
        if (!exists(txn, key)) return new Decided.Now<>(Optional.empty());
        return new Decided.Now<>(Optional.of(count == 0 ? List.of() : pop(txn, key, end, count)));
    }

    /** Removes every internal key of the list (paginated); returns whether it existed for users. */
    boolean delete(Txn txn, byte[] key);
}
