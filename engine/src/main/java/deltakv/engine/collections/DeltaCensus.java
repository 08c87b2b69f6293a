package deltakv.engine.collections;

import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts live deltas and keys with deltas by paging through every delta namespace (untracked). */
final class DeltaCensus {
    private static final int PAGE = 4096;

    private DeltaCensus() {}

    static DeltaStats count(Txn txn, List<DeltaFold> folds) {
        long deltas = 0;
        long keys = 0;
        Map<String, Long> byType = new LinkedHashMap<>();
        for (DeltaFold f : folds) {
            long[] c = count(txn, f);
            deltas += c[0];
            keys += c[1];
            byType.put(f.type(), c[0]);
        }
        return new DeltaStats(deltas, keys, byType);
    }

    /** {deltas, keys} of one namespace. */
    private static long[] count(Txn txn, DeltaFold fold) {
        KeyRange ns = fold.namespace();
        byte[] from = ns.start();
        byte[] lastUser = null;
        long deltas = 0;
        long keys = 0;
        while (true) {
            List<Txn.KV> kvs = txn.scan(new KeyRange(from, ns.end()), PAGE, false, false);
            for (Txn.KV kv : kvs) {
                byte[] user = fold.userKeyOf(kv.key());
                if (lastUser == null || !Arrays.equals(user, lastUser)) keys++;
                lastUser = user;
            }
            deltas += kvs.size();
            if (kvs.size() < PAGE) return new long[] {deltas, keys};
            from = RangeEraser.successor(kvs.get(kvs.size() - 1).key());
        }
    }
}
