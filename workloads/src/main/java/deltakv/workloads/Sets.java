package deltakv.workloads;

import deltakv.checker.CheckOptions;
import deltakv.checker.Checker;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import deltakv.checker.jepsen.JepsenCheckers;
import deltakv.checker.jepsen.PerKey;
import deltakv.checker.linear.ModelCheckers;
import deltakv.workloads.client.CollectionClient;
import deltakv.workloads.gen.CollectionOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * removed, up to each key's first DEL (set-full knows adds only; the model covers the rest).
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

    /**
     * The history as set-full reads it: {@code :add e} and {@code :read}s, per key only the ops that completed
     * before the key's first DEL was invoked (set-full knows no removal), without members that were ever
     * removed, and without keys where no read began after an acknowledged add (they tell set-full nothing:
     * a DEL can cut a key's history right after its adds).
     */
    static List<Op> addsOnly(List<Op> history) {
        Map<Object, Long> firstDel = new HashMap<>();
        Set<List<Object>> removed = new HashSet<>();
        for (Op op : history) {
            Object key = PerKey.key(op);
            if (op.type() != OpType.INVOKE) continue;
            if ("del".equals(op.f())) firstDel.putIfAbsent(key, op.index());
            if ("remove".equals(op.f()) && op.value() instanceof List<?> v) removed.add(Arrays.asList(key, v.get(0)));
        }
        // pair each completion with its invocation (one outstanding op per process); keep pairs done before the cut
        Map<Object, Op> pending = new HashMap<>();
        List<Op[]> kept = new ArrayList<>();
        for (Op op : history) {
            Object key = PerKey.key(op);
            if (key == null || !("add".equals(op.f()) || "read".equals(op.f()))) continue;
            if (op.type() == OpType.INVOKE) {
                pending.put(op.process(), op);
                continue;
            }
            Op inv = pending.remove(op.process());
            if (inv == null || op.index() >= firstDel.getOrDefault(key, Long.MAX_VALUE)) continue;
            if ("add".equals(op.f()) && removed.contains(Arrays.asList(key, ((List<?>) op.value()).get(0)))) continue;
            kept.add(new Op[] {inv, op});
        }
        // a key tells set-full something only if a read began after one of its adds was acknowledged
        Map<Object, Long> firstAddDone = new HashMap<>();
        for (Op[] p : kept) {
            if ("add".equals(p[1].f()) && p[1].type() == OpType.OK) firstAddDone.merge(PerKey.key(p[1]), p[1].index(), Math::min);
        }
        Set<Object> judged = new HashSet<>();
        for (Op[] p : kept) {
            Long added = firstAddDone.get(PerKey.key(p[1]));
            if ("read".equals(p[1].f()) && p[1].type() == OpType.OK && added != null && p[0].index() > added) {
                judged.add(PerKey.key(p[1]));
            }
        }
        List<Op> out = new ArrayList<>();
        for (Op[] p : kept) {
            Object key = PerKey.key(p[1]);
            if (!judged.contains(key)) continue;
            for (Op op : p) out.add(setFullShape(op, key, removed));
        }
        out.sort(java.util.Comparator.comparingLong(Op::index));
        return out;
    }

    /** {@code :add [e nil r]} → {@code :add e}; a read without the removed members. */
    private static Op setFullShape(Op op, Object key, Set<List<Object>> removed) {
        Object value = op.value();
        if ("add".equals(op.f()) && value instanceof List<?> v) value = v.get(0);
        if ("read".equals(op.f()) && value instanceof List<?> read) {
            value = read.stream().filter(e -> !removed.contains(Arrays.asList(key, e))).toList();
        }
        return new Op(op.index(), op.time(), op.type(), op.process(), op.f(), value, op.error(), op.extra());
    }
}
