package deltakv.engine.collections;

import deltakv.engine.txn.Txn;
import java.util.List;

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

    /** Removes every internal key of the list (paginated); returns whether it existed for users. */
    boolean delete(Txn txn, byte[] key);
}
