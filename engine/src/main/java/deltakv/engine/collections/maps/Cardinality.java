package deltakv.engine.collections.maps;

import deltakv.engine.txn.Txn;

/** How a wide-column collection keeps its Len: one record read and written by every writer, or deltas. */
interface Cardinality {
    /** Current Len at the snapshot, this transaction's own changes included (tracked). */
    long len(Txn txn, byte[] key);

    /** The collection gained ({@code d > 0}) or lost fields. */
    void add(Txn txn, byte[] key, long d);

    /** DEL: removes whatever records the Len. */
    void delete(Txn txn, byte[] key);
}
