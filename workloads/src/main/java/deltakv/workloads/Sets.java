package deltakv.workloads;

import deltakv.checker.CheckOptions;
import deltakv.checker.Checker;
import deltakv.checker.history.Keyword;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import deltakv.checker.jepsen.JepsenCheckers;
import deltakv.checker.jepsen.PerKey;
import deltakv.checker.linear.ModelCheckers;
import deltakv.workloads.client.CollectionClient;
import deltakv.workloads.gen.CollectionOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code set} (HARNESS.md §3): SADD of unique members, SREM of one's own earlier members, SCARD, SMEMBERS and
 * DEL on a few rotating keys (every 4th op alone inside MULTI/EXEC); the final phase reads every key.
 * Checked per key for linearizability against the {@code collection} model (replies of SADD and SREM,
 * cardinality and members together) and by set-full per element — over the members that were never
 * removed, on keys never deleted (set-full knows adds only; the model covers the rest).
 */
public final class Sets {
    private static final int MULTI_EVERY = 4;

    private Sets() {}

    public static Workload create(WorkloadOptions o) {
        CheckOptions check = new CheckOptions(o.consistencyModels(), o.checkTimeLimitSeconds(), null, null);
        Map<String, Checker> checkers = new LinkedHashMap<>();
        checkers.put("linear", ModelCheckers.create("collection", check));
        Checker setFull = new PerKey(JepsenCheckers.create("set-full", check));
        checkers.put("set-full", history -> setFull.check(addsOnly(history)));
        return new Workload("set", conn -> new CollectionClient(conn, CollectionClient.Kind.SET, MULTI_EVERY),
                worker -> CollectionOps.generator(o, worker, (r, unique) -> Arrays.asList(unique, null), true),
                CollectionOps::readAll, checkers);
    }

    /** The history as set-full reads it: {@code :add e} and {@code :read}s, without removed members, deleted keys and keys with no acknowledged add. */
    static List<Op> addsOnly(List<Op> history) {
        Set<Object> deletedKeys = new HashSet<>();
        Set<List<Object>> removed = new HashSet<>();
        for (Op op : history) {
            Object key = op.extra() == null ? null : op.extra().get(Keyword.of("key"));
            if ("del".equals(op.f())) deletedKeys.add(key);
            if ("remove".equals(op.f()) && op.value() instanceof List<?> v) removed.add(Arrays.asList(key, v.get(0)));
        }
        Set<Object> keysWithAdds = new HashSet<>();
        for (Op op : history) {
            Object key = op.extra() == null ? null : op.extra().get(Keyword.of("key"));
            if ("add".equals(op.f()) && op.type() == OpType.OK && op.value() instanceof List<?> v
                    && !removed.contains(Arrays.asList(key, v.get(0)))) {
                keysWithAdds.add(key); // a key whose adds all failed tells set-full nothing
            }
        }
        List<Op> out = new ArrayList<>();
        for (Op op : history) {
            Object key = op.extra() == null ? null : op.extra().get(Keyword.of("key"));
            if (key == null || deletedKeys.contains(key) || !keysWithAdds.contains(key)) continue;
            if ("add".equals(op.f()) && op.value() instanceof List<?> v) {
                if (removed.contains(Arrays.asList(key, v.get(0)))) continue;
                out.add(new Op(op.index(), op.time(), op.type(), op.process(), "add", v.get(0), op.error(), op.extra()));
            } else if ("read".equals(op.f())) {
                Object value = op.value() instanceof List<?> read ? read.stream()
                        .filter(e -> !removed.contains(Arrays.asList(key, e))).toList() : op.value();
                out.add(new Op(op.index(), op.time(), op.type(), op.process(), "read", value, op.error(), op.extra()));
            }
        }
        return out;
    }
}
