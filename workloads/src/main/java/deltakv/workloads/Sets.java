package deltakv.workloads;

import deltakv.checker.CheckOptions;
import deltakv.checker.Checker;
import deltakv.checker.history.Op;
import deltakv.checker.linear.ModelCheckers;
import deltakv.workloads.client.CollectionClient;
import deltakv.workloads.gen.CollectionOps;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code set} (HARNESS.md §3): SADD of unique members, SREM of one's own earlier members, SCARD, SMEMBERS and
 * DEL on a few rotating keys (every 4th op alone inside MULTI/EXEC); the final phase reads every key.
 * Checked per key for linearizability against the {@code collection} model (replies of SADD and SREM,
 * cardinality and members together) and by set-full per element — over the members that were never
 * removed, up to each key's first DEL (set-full knows adds only; the model covers the rest).
 */
public final class Sets {
    private static final int MULTI_EVERY = 4;

    private Sets() {}

    public static Workload create(WorkloadOptions o) {
        CheckOptions check = new CheckOptions(o.consistencyModels(), o.checkTimeLimitSeconds(), null, null);
        Map<String, Checker> checkers = new LinkedHashMap<>();
        checkers.put("linear", ModelCheckers.create("collection", check));
        checkers.put("set-full", SetFullView.checker(check, read -> (List<?>) read));
        return new Workload("set", conn -> new CollectionClient(conn, CollectionClient.Kind.SET, MULTI_EVERY),
                worker -> CollectionOps.generator(o, worker, (r, unique) -> Arrays.asList(unique, null), true),
                CollectionOps::readAll, checkers);
    }

    /** The history as set-full reads it ({@link SetFullView}); a read's value is the list of members. */
    static List<Op> addsOnly(List<Op> history) {
        return SetFullView.of(history, read -> (List<?>) read);
    }
}
