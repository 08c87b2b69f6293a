package deltakv.workloads;

import deltakv.workloads.gen.KeyDist;
import java.util.List;

/**
 * The options a workload is built from ({@code dkv test} flags).
 *
 * @param seed              the run's seed; each worker derives its own from it
 * @param concurrency       number of workers (values are unique per worker: worker × 1e9 + counter)
 * @param keyCount          keys in play at a time
 * @param keyDist           how keys are drawn
 * @param maxTxnLength      micro-ops per transaction, at most
 * @param maxWritesPerKey   a key retires after about this many writes (keeps each key's history checkable)
 * @param consistencyModels Elle's models to check
 * @param checkTimeLimitSeconds budget of each search checker; 0 = its default
 * @param checkPushLengths  deque: check each push's reply (the new length) against the model; false records
 *                          the replies but leaves them out of the check ({@code delta} replies with its
 *                          snapshot's length, docs/engine-lists.md)
 */
public record WorkloadOptions(long seed, int concurrency, int keyCount, KeyDist keyDist, int maxTxnLength,
                              int maxWritesPerKey, List<String> consistencyModels, double checkTimeLimitSeconds,
                              boolean checkPushLengths) {
    public WorkloadOptions {
        consistencyModels = List.copyOf(consistencyModels);
        if (concurrency < 1) throw new IllegalArgumentException("--concurrency must be >= 1, got " + concurrency);
        if (keyCount < 1) throw new IllegalArgumentException("--key-count must be >= 1, got " + keyCount);
        if (maxTxnLength < 1) throw new IllegalArgumentException("--max-txn-length must be >= 1, got " + maxTxnLength);
        if (maxWritesPerKey < 1) throw new IllegalArgumentException("--max-writes-per-key must be >= 1, got " + maxWritesPerKey);
    }

    public static WorkloadOptions defaults(long seed) {
        return new WorkloadOptions(seed, 10, 8, KeyDist.UNIFORM, 4, 64, List.of("strict-serializable"), 0, true);
    }

    /** The first value worker {@code w} uses; its values are {@code base(w) + 1, + 2, …}. */
    public static long valueBase(int worker) {
        return worker * 1_000_000_000L;
    }
}
