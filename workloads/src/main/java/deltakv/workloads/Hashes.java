package deltakv.workloads;

import deltakv.checker.CheckOptions;
import deltakv.checker.linear.ModelCheckers;
import deltakv.workloads.client.CollectionClient;
import deltakv.workloads.gen.CollectionOps;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code hash} (HARNESS.md §3): HSET of one of 8 fields to a unique value (so it both adds and updates),
 * HDEL, HLEN, HGETALL and DEL on a few rotating keys (every 4th op alone inside MULTI/EXEC); the final phase
 * reads every key. Checked per key for linearizability against the {@code collection} model: HSET's and
 * HDEL's replies, HLEN and every field's value must fit one order.
 */
public final class Hashes {
    private static final int FIELDS = 8;
    private static final int MULTI_EVERY = 4;

    private Hashes() {}

    public static Workload create(WorkloadOptions o) {
        CheckOptions check = new CheckOptions(o.consistencyModels(), o.checkTimeLimitSeconds(), null, null);
        return new Workload("hash", conn -> new CollectionClient(conn, CollectionClient.Kind.HASH, MULTI_EVERY),
                worker -> CollectionOps.generator(o, worker, (r, unique) -> Arrays.asList((long) r.nextInt(FIELDS), unique), false),
                CollectionOps::readAll, Map.of("linear", ModelCheckers.create("collection", check)));
    }
}
