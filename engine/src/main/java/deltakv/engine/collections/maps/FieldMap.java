package deltakv.engine.collections.maps;

import deltakv.engine.txn.Txn;
import java.util.List;

/**
 * A map of fields to values under one user key, over a transaction: a hash (field → value), a set
 * (member → empty) or a sorted set (member → score). Callers check types first. Every read is tracked,
 * so a MULTI/EXEC that reads a collection conflicts with any concurrent write that changes what it read;
 * an empty collection does not exist for users.
 */
public interface FieldMap {
    /** The field's value, or null. */
    byte[] get(Txn txn, byte[] key, byte[] field);

    /** Sets the field; returns whether it was new (the cardinality grew). */
    boolean put(Txn txn, byte[] key, byte[] field, byte[] value);

    /** Removes the field; returns whether it existed. */
    boolean remove(Txn txn, byte[] key, byte[] field);

    /** Number of fields (HLEN, SCARD, ZCARD). */
    long size(Txn txn, byte[] key);

    boolean exists(Txn txn, byte[] key);

    /** Every field and its value, in field byte order. */
    List<Txn.KV> entries(Txn txn, byte[] key);

    /** Removes every internal key of the collection (paginated); returns whether it existed. */
    boolean delete(Txn txn, byte[] key);
}
