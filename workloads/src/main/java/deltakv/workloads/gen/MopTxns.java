package deltakv.workloads.gen;

import deltakv.checker.history.Keyword;
import deltakv.workloads.Invocation;
import deltakv.workloads.OpGenerator;
import deltakv.workloads.WorkloadOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Elle's transaction generator, shared by list-append and rw-register: each {@code :txn} has 1–max-txn-length
 * micro-ops, half writes {@code [write k v]} with values unique per key (per worker ranges, counting up),
 * half reads {@code [read k nil]}, over keys that retire by {@link KeyRotation}.
 */
public final class MopTxns {
    private MopTxns() {}

    public static OpGenerator generator(WorkloadOptions o, int worker, Keyword write, Keyword read) {
        Random r = Seeds.forWorker(o.seed(), worker);
        KeyRotation keys = new KeyRotation(o.keyCount(), o.keyDist(), o.maxWritesPerKey(), o.concurrency());
        long[] next = {WorkloadOptions.valueBase(worker)};
        return () -> {
            int n = 1 + r.nextInt(o.maxTxnLength());
            List<Object> mops = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long k = keys.pick(r);
                if (r.nextBoolean()) {
                    mops.add(Arrays.asList(write, k, ++next[0]));
                    keys.wrote(k);
                } else {
                    mops.add(Arrays.asList(read, k, null));
                }
            }
            return Invocation.of("txn", mops);
        };
    }
}
