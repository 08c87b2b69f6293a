package deltakv.engine.collections;

import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;
import java.util.Arrays;
import java.util.List;

/** Counts live deltas and lists with deltas by paging through the delta namespace (untracked). */
final class DeltaCensus {
    private static final int PAGE = 4096;

    private DeltaCensus() {}

    static DeltaStats count(Txn txn) {
        KeyRange ns = ListKeys.deltaNamespace();
        byte[] from = ns.start();
        byte[] lastUser = null;
        long deltas = 0;
        long keys = 0;
        while (true) {
            List<Txn.KV> kvs = txn.scan(new KeyRange(from, ns.end()), PAGE, false, false);
            for (Txn.KV kv : kvs) {
                byte[] user = ListKeys.userKeyOfDelta(kv.key());
                if (lastUser == null || !Arrays.equals(user, lastUser)) keys++;
                lastUser = user;
            }
            deltas += kvs.size();
            if (kvs.size() < PAGE) return new DeltaStats(deltas, keys);
            from = RangeEraser.successor(kvs.get(kvs.size() - 1).key());
        }
    }
}
