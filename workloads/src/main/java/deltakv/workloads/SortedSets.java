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
 * {@code zset} (HARNESS.md §3): ZADD of one of 12 members with a random score (adds and score updates), ZREM,
 * ZCARD, ZRANGE 0 -1 WITHSCORES and DEL on a few rotating keys (every 4th op alone inside MULTI/EXEC); the
 * final phase reads every key. Checked per key for linearizability against the {@code collection} model,
 * whose full reads must also come in Redis's order (by score, then member); and by set-full per member
 * (members never ZREMed, up to the key's first DEL: {@link SetFullView}).
 */
public final class SortedSets {
    private static final int MEMBERS = 12;
    private static final int MULTI_EVERY = 4;

    private SortedSets() {}

    public static Workload create(WorkloadOptions o) {
        CheckOptions check = new CheckOptions(o.consistencyModels(), o.checkTimeLimitSeconds(), null, null);
        Map<String, Checker> checkers = new LinkedHashMap<>();
        checkers.put("linear", ModelCheckers.create("collection", check));
        checkers.put("set-full", SetFullView.checker(check, SortedSets::members));
        return new Workload("zset", conn -> new CollectionClient(conn, CollectionClient.Kind.ZSET, MULTI_EVERY),
                worker -> CollectionOps.generator(o, worker,
                        (r, unique) -> Arrays.asList((long) r.nextInt(MEMBERS), (long) r.nextInt(50)), false),
                CollectionOps::readAll, checkers);
    }

    /** A ZRANGE … WITHSCORES read ({@code [[member score] …]}) as set-full's elements: its members. */
    static List<?> members(Object read) {
        if (!(read instanceof List<?> l)) return List.of();
        return l.stream().map(pair -> pair instanceof List<?> p && !p.isEmpty() ? p.get(0) : pair).toList();
    }
}
