package deltakv.workloads;

import deltakv.checker.CheckOptions;
import deltakv.checker.Checker;
import deltakv.checker.linear.ModelCheckers;
import deltakv.workloads.client.CollectionClient;
import deltakv.workloads.gen.CollectionOps;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code hash} (HARNESS.md §3): HSET of one of 8 fields to a unique value (so it both adds and updates),
 * HDEL, HLEN, HGETALL and DEL on a few rotating keys (every 4th op alone inside MULTI/EXEC); the final phase
 * reads every key. Checked per key for linearizability against the {@code collection} model: HSET's and
 * HDEL's replies, HLEN and every field's value must fit one order; and by set-full per field (fields never
 * HDELed, up to the key's first DEL: {@link SetFullView}).
 */
public final class Hashes {
    private static final int FIELDS = 8;
    private static final int MULTI_EVERY = 4;

    private Hashes() {}

    public static Workload create(WorkloadOptions o) {
        CheckOptions check = new CheckOptions(o.consistencyModels(), o.checkTimeLimitSeconds(), null, null);
        Map<String, Checker> checkers = new LinkedHashMap<>();
        checkers.put("linear", ModelCheckers.create("collection", check));
        checkers.put("set-full", SetFullView.checker(check, Hashes::fields));
        return new Workload("hash", conn -> new CollectionClient(conn, CollectionClient.Kind.HASH, MULTI_EVERY),
                worker -> CollectionOps.generator(o, worker, (r, unique) -> Arrays.asList((long) r.nextInt(FIELDS), unique), false),
                CollectionOps::readAll, checkers);
    }

    /** An HGETALL read ({@code {field value …}}) as set-full's elements: its fields. */
    static List<?> fields(Object read) {
        return read instanceof Map<?, ?> m ? List.copyOf(m.keySet()) : List.of();
    }
}
