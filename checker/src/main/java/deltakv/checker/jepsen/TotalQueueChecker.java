package deltakv.checker.jepsen;

import deltakv.checker.CheckResult;
import deltakv.checker.Checker;
import deltakv.checker.Validity;
import deltakv.checker.history.EdnPrinter;
import deltakv.checker.history.Keyword;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jepsen's total-queue, for RPUSH/LPOP histories that drain the queue at the end: every acknowledged enqueue
 * must be dequeued exactly once. Lost = acknowledged, never dequeued; unexpected = dequeued, never enqueued;
 * duplicated = dequeued more often than enqueued. Crashed (:info) enqueues may or may not come out
 * ("recovered" when they do). Unlike Jepsen, duplicates make the history invalid: a queue must not hand out an
 * element twice. {@code :drain} ops returning a list count as one dequeue per element; a nil dequeue = empty.
 * <p>
 * A dequeue whose outcome is unknown may have taken an element nobody saw. So, per {@code :key}, acknowledged
 * elements never dequeued are lost only beyond the number of such dequeues on that key: a crashed or unfinished
 * {@code :dequeue}, an {@code :unknown} marker in a drain, a crashed drain. Up to that number they are
 * "possibly-consumed"; beyond it the key certainly lost the difference ({@code lost-count}), and all of its
 * unexplained elements are reported under {@code lost}, since which ones were lost is unknown.
 */
public final class TotalQueueChecker implements Checker {
    private static final Keyword KEY = Keyword.of("key");
    private static final Keyword UNKNOWN = Keyword.of("unknown");

    @Override
    public CheckResult check(List<Op> history) {
        Completions c = new Completions(history);
        Multiset attempts = new Multiset();
        Multiset enqueues = new Multiset();
        Multiset dequeues = new Multiset();
        Map<Object, Object> keyOf = new HashMap<>(); // acknowledged element -> its enqueue's key
        Map<Object, Long> unknownDequeues = new HashMap<>(); // key -> dequeues whose outcome is unknown
        for (Op op : c.clientOps) {
            Object key = key(c, op);
            switch (op.f()) {
                case "enqueue" -> {
                    if (op.type() == OpType.INVOKE) attempts.add(op.value());
                    if (op.type() == OpType.OK) {
                        enqueues.add(op.value());
                        keyOf.putIfAbsent(op.value(), key);
                    }
                }
                case "dequeue" -> {
                    if (op.type() == OpType.OK && op.value() != null) dequeues.add(op.value());
                    if (op.type() == OpType.INVOKE && unknownOutcome(c, op)) unknownDequeues.merge(key, 1L, Long::sum);
                }
                case "drain" -> unknownDequeues.merge(key, drain(c, op, dequeues), Long::sum);
                default -> { }
            }
        }
        Multiset ok = dequeues.intersect(attempts);
        Multiset unexpected = dequeues.filter(e -> !attempts.contains(e));
        Multiset duplicated = dequeues.minus(attempts).minus(unexpected);
        Multiset unexplained = enqueues.minus(dequeues);
        Multiset recovered = ok.minus(enqueues);

        Map<Object, List<Object>> unexplainedByKey = new LinkedHashMap<>();
        for (Object e : unexplained.toList()) {
            unexplainedByKey.computeIfAbsent(keyOf.get(e), k -> new ArrayList<>()).add(e);
        }
        List<Object> lost = new ArrayList<>();
        List<Object> possiblyConsumed = new ArrayList<>();
        long lostCount = 0;
        StringBuilder lostWhy = new StringBuilder();
        for (Map.Entry<Object, List<Object>> e : unexplainedByKey.entrySet()) {
            List<Object> u = e.getValue();
            long crashed = unknownDequeues.getOrDefault(e.getKey(), 0L);
            if (u.size() <= crashed) {
                possiblyConsumed.addAll(u);
                continue;
            }
            lost.addAll(u);
            lostCount += u.size() - crashed;
            lostWhy.append(lostLine(e.getKey(), u, crashed));
        }

        Map<String, Object> f = new LinkedHashMap<>();
        f.put("attempt-count", attempts.size());
        f.put("acknowledged-count", enqueues.size());
        f.put("ok-count", ok.size());
        f.put("unexpected-count", unexpected.size());
        f.put("duplicated-count", duplicated.size());
        f.put("lost-count", lostCount);
        f.put("recovered-count", recovered.size());
        f.put("possibly-consumed-count", (long) possiblyConsumed.size());
        f.put("lost", lost);
        f.put("unexpected", unexpected.toList());
        f.put("duplicated", duplicated.toList());
        f.put("recovered", recovered.toList());
        f.put("possibly-consumed", possiblyConsumed);

        List<String> types = new ArrayList<>();
        StringBuilder why = new StringBuilder();
        if (!lost.isEmpty()) types.add("lost");
        why.append(lostWhy);
        note(types, why, "unexpected", unexpected.toList(), "dequeued values never enqueued");
        note(types, why, "duplicated", duplicated.toList(), "values dequeued more often than enqueued");
        if (!possiblyConsumed.isEmpty()) {
            why.append(possiblyConsumed.size()).append(" acknowledged enqueues never dequeued, but crashed dequeues")
                    .append(" on their keys could have taken them (possibly-consumed): ")
                    .append(shown(possiblyConsumed)).append('\n');
        }
        return new JepsenResult(types.isEmpty() ? Validity.TRUE : Validity.FALSE, types, why.toString(), f);
    }

    /**
     * Counts an ok drain's elements as dequeued and returns how many of its LPOPs had an unknown outcome: its
     * {@code :unknown} markers, plus one for a crashed drain (whose partial value, if any, counts too).
     */
    private static long drain(Completions c, Op op, Multiset dequeues) {
        if (op.type() == OpType.INVOKE) return c.completion(op) == null ? 1 : 0; // never completed: as :info
        if (op.type() == OpType.FAIL) return 0;
        if (op.type() == OpType.OK && !(op.value() instanceof Collection<?>)) {
            throw new IllegalArgumentException(":drain at index " + op.index() + " must return a collection");
        }
        long unknown = op.type() == OpType.INFO ? 1 : 0;
        if (op.value() instanceof Collection<?> drained) {
            for (Object e : drained) {
                if (UNKNOWN.equals(e)) unknown++; else dequeues.add(e);
            }
        }
        return unknown;
    }

    /** A :dequeue invocation that crashed (:info) or never completed. */
    private static boolean unknownOutcome(Completions c, Op invoke) {
        Op done = c.completion(invoke);
        return done == null || done.type() == OpType.INFO;
    }

    /** The invocation's {@code :key}; null (one queue) when the ops carry none. */
    private static Object key(Completions c, Op op) {
        Op invoke = op.type() == OpType.INVOKE ? op : c.invocation(op);
        Map<Object, Object> extra = (invoke == null ? op : invoke).extra();
        return extra == null ? null : extra.get(KEY);
    }

    private static String lostLine(Object key, List<Object> u, long crashed) {
        String on = key == null ? "" : " on key " + EdnPrinter.print(key);
        if (crashed == 0) return u.size() + " acknowledged enqueues" + on + " never dequeued: " + shown(u) + "\n";
        return "at least " + (u.size() - crashed) + " of these " + u.size() + " acknowledged enqueues" + on
                + " were lost; only " + crashed + " crashed dequeue" + (crashed == 1 ? "" : "s")
                + " could have taken them: " + shown(u) + "\n";
    }

    private static void note(List<String> types, StringBuilder why, String type, List<Object> list, String what) {
        if (list.isEmpty()) return;
        types.add(type);
        why.append(list.size()).append(' ').append(what).append(": ").append(shown(list)).append('\n');
    }

    private static String shown(List<Object> list) {
        return EdnPrinter.print(list.subList(0, Math.min(10, list.size()))) + (list.size() > 10 ? " …" : "");
    }
}
