package deltakv.engine.collections;

import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;
import java.util.List;

/**
 * Deletes every key of a range with bounded, tracked scans until the range is exhausted. One bounded
 * scan is not enough (upstream's DEL left orphan deltas and the list "resurrected"); tracking the
 * scanned range makes a concurrent writer into it conflict instead of leaving orphans.
 */
public final class RangeEraser {
    public static final int PAGE = 512;

    private RangeEraser() {}

    /** @return the number of keys deleted */
    public static long eraseAll(Txn txn, KeyRange range) {
        return erase(txn, range, Long.MAX_VALUE);
    }

    /** Deletes at most {@code maxPages} pages (the del-bounded-scan bug uses one page). */
    public static long erase(Txn txn, KeyRange range, long maxPages) {
        long deleted = 0;
        byte[] from = range.start();
        for (long page = 0; page < maxPages; page++) {
            List<Txn.KV> kvs = txn.scan(new KeyRange(from, range.end()), PAGE, false, true);
            for (Txn.KV kv : kvs) txn.delete(kv.key());
            deleted += kvs.size();
            if (kvs.size() < PAGE) break;
            from = successor(kvs.get(kvs.size() - 1).key());
        }
        return deleted;
    }

    /** The smallest key after {@code key}. */
    public static byte[] successor(byte[] key) {
        byte[] next = new byte[key.length + 1];
        System.arraycopy(key, 0, next, 0, key.length);
        return next;
    }
}
