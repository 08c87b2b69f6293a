package deltakv.checker.jepsen;

import deltakv.checker.CheckResult;
import deltakv.checker.Checker;
import deltakv.checker.Validity;
import deltakv.checker.history.EdnPrinter;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jepsen's total-queue, for RPUSH/LPOP histories that drain the queue at the end: every acknowledged enqueue
 * must be dequeued exactly once. Lost = acknowledged, never dequeued; unexpected = dequeued, never enqueued;
 * duplicated = dequeued more often than enqueued. Crashed (:info) enqueues may or may not come out
 * ("recovered" when they do). Unlike Jepsen, duplicates make the history invalid: a queue must not hand out an
 * element twice. {@code :drain} ops returning a list count as one dequeue per element; a nil dequeue = empty.
 */
public final class TotalQueueChecker implements Checker {
    @Override
    public CheckResult check(List<Op> history) {
        Completions c = new Completions(history);
        Multiset attempts = new Multiset();
        Multiset enqueues = new Multiset();
        Multiset dequeues = new Multiset();
        for (Op op : c.clientOps) {
            switch (op.f()) {
                case "enqueue" -> {
                    if (op.type() == OpType.INVOKE) attempts.add(op.value());
                    if (op.type() == OpType.OK) enqueues.add(op.value());
                }
                case "dequeue" -> {
                    if (op.type() == OpType.OK && op.value() != null) dequeues.add(op.value());
                }
                case "drain" -> drain(op, dequeues);
                default -> { }
            }
        }
        Multiset ok = dequeues.intersect(attempts);
        Multiset unexpected = dequeues.filter(e -> !attempts.contains(e));
        Multiset duplicated = dequeues.minus(attempts).minus(unexpected);
        Multiset lost = enqueues.minus(dequeues);
        Multiset recovered = ok.minus(enqueues);

        Map<String, Object> f = new LinkedHashMap<>();
        f.put("attempt-count", attempts.size());
        f.put("acknowledged-count", enqueues.size());
        f.put("ok-count", ok.size());
        f.put("unexpected-count", unexpected.size());
        f.put("duplicated-count", duplicated.size());
        f.put("lost-count", lost.size());
        f.put("recovered-count", recovered.size());
        f.put("lost", lost.toList());
        f.put("unexpected", unexpected.toList());
        f.put("duplicated", duplicated.toList());
        f.put("recovered", recovered.toList());

        List<String> types = new ArrayList<>();
        StringBuilder why = new StringBuilder();
        note(types, why, "lost", lost, "acknowledged enqueues never dequeued");
        note(types, why, "unexpected", unexpected, "dequeued values never enqueued");
        note(types, why, "duplicated", duplicated, "values dequeued more often than enqueued");
        return new JepsenResult(types.isEmpty() ? Validity.TRUE : Validity.FALSE, types, why.toString(), f);
    }

    private static void drain(Op op, Multiset dequeues) {
        if (op.type() == OpType.INFO) {
            throw new IllegalArgumentException("crashed :drain at index " + op.index()
                    + ": which elements it removed is unknown, so the queue cannot be checked");
        }
        if (op.type() != OpType.OK) return;
        if (!(op.value() instanceof Collection<?> drained)) {
            throw new IllegalArgumentException(":drain at index " + op.index() + " must return a collection");
        }
        for (Object e : drained) dequeues.add(e);
    }

    private static void note(List<String> types, StringBuilder why, String type, Multiset m, String what) {
        if (m.isEmpty()) return;
        types.add(type);
        List<Object> list = m.toList();
        why.append(list.size()).append(' ').append(what).append(": ")
                .append(EdnPrinter.print(list.subList(0, Math.min(10, list.size())))).append(list.size() > 10 ? " …" : "").append('\n');
    }
}
