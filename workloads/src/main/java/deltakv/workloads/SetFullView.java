package deltakv.workloads;

import deltakv.checker.CheckOptions;
import deltakv.checker.Checker;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import deltakv.checker.jepsen.JepsenCheckers;
import deltakv.checker.jepsen.PerKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A collection workload's history as Jepsen's set-full reads it (HARNESS.md §3: set-full per element for
 * {@code set}, {@code hash} and {@code zset}). The element is what {@code :add} puts and {@code :remove}
 * takes away: a set's member, a hash's field, a sorted set's member. set-full knows adds only, so elements
 * ever removed are left out and each key ends at its first DEL; the linearizability check covers the rest.
 */
final class SetFullView {
    private SetFullView() {}

    /** Jepsen's set-full per key over this view of the history. */
    static Checker checker(CheckOptions check, Function<Object, List<?>> elementsRead) {
        Checker setFull = new PerKey(JepsenCheckers.create("set-full", check));
        return history -> setFull.check(of(history, elementsRead));
    }

    /**
     * The history as set-full reads it: {@code :add e} and {@code :read}s, per key only the ops that completed
     * before the key's first DEL was invoked (set-full knows no removal), without members that were ever
     * removed, and without keys where no read began after an acknowledged add (they tell set-full nothing:
     * a DEL can cut a key's history right after its adds).
     */
    static List<Op> of(List<Op> history, Function<Object, List<?>> elementsRead) {
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
        Set<List<Object>> acknowledged = new HashSet<>();
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
            if ("add".equals(op.f())) {
                List<Object> element = Arrays.asList(key, ((List<?>) op.value()).get(0));
                if (removed.contains(element)) continue;
                // a hash field or zset member is added again and again; set-full starts an element afresh at
                // each add it sees, so after the first acknowledged one a later add would only hide the reads
                // in between (and a key cut by DEL right after it would be "unknown"): keep adds up to that one
                if (acknowledged.contains(element)) continue;
                if (op.type() == OpType.OK) acknowledged.add(element);
            }
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
            for (Op op : p) out.add(setFullShape(op, key, removed, elementsRead));
        }
        out.sort(java.util.Comparator.comparingLong(Op::index));
        return out;
    }

    /** {@code :add [e …]} → {@code :add e}; a read as its elements, without the removed ones. */
    private static Op setFullShape(Op op, Object key, Set<List<Object>> removed, Function<Object, List<?>> elementsRead) {
        Object value = op.value();
        if ("add".equals(op.f()) && value instanceof List<?> v) value = v.get(0);
        if ("read".equals(op.f()) && op.type() == OpType.OK && value != null) {
            value = elementsRead.apply(value).stream().filter(e -> !removed.contains(Arrays.asList(key, e))).toList();
        }
        return new Op(op.index(), op.time(), op.type(), op.process(), op.f(), value, op.error(), op.extra());
    }
}
