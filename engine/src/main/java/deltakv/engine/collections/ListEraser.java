package deltakv.engine.collections;

import deltakv.engine.txn.Txn;

/** Removes every internal key of one list: base meta, items, all deltas, all claims. */
final class ListEraser {
    private final long maxDeltaPages;

    /** @param maxDeltaPages pages of deltas to delete; Long.MAX_VALUE except under the del-bounded-scan bug */
    ListEraser(long maxDeltaPages) {
        this.maxDeltaPages = maxDeltaPages;
    }

    /** @return the number of internal keys deleted */
    long erase(Txn txn, byte[] key) {
        long n = RangeEraser.eraseAll(txn, ListKeys.items(key));
        n += RangeEraser.eraseAll(txn, ListKeys.claims(key));
        n += RangeEraser.erase(txn, ListKeys.deltaRange(key), maxDeltaPages);
        byte[] base = ListKeys.baseMeta(key);
        if (txn.get(base) != null) {
            txn.delete(base);
            n++;
        }
        return n;
    }
}
