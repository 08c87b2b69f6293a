package deltakv.workloads;

import deltakv.checker.CheckOptions;
import deltakv.checker.linear.ModelCheckers;
import deltakv.workloads.client.CollectionClient;
import deltakv.workloads.gen.CollectionOps;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code zset} (HARNESS.md §3): ZADD of one of 12 members with a random score (adds and score updates), ZREM,
 * ZCARD, ZRANGE 0 -1 WITHSCORES and DEL on a few rotating keys (every 4th op alone inside MULTI/EXEC); the
 * final phase reads every key. Checked per key for linearizability against the {@code collection} model,
 * whose full reads must also come in Redis's order (by score, then member).
 */
public final class SortedSets {
    private static final int MEMBERS = 12;
    private static final int MULTI_EVERY = 4;

    private SortedSets() {}

    public static Workload create(WorkloadOptions o) {
        CheckOptions check = new CheckOptions(o.consistencyModels(), o.checkTimeLimitSeconds(), null, null);
        return new Workload("zset", conn -> new CollectionClient(conn, CollectionClient.Kind.ZSET, MULTI_EVERY),
                worker -> CollectionOps.generator(o, worker,
                        (r, unique) -> Arrays.asList((long) r.nextInt(MEMBERS), (long) r.nextInt(50)), false),
                CollectionOps::readAll, Map.of("linear", ModelCheckers.create("collection", check)));
    }
}
