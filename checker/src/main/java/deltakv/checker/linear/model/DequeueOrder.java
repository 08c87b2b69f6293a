package deltakv.checker.linear.model;

import deltakv.checker.history.EdnPrinter;
import deltakv.checker.linear.LinOp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Look-ahead pruning for FIFO queues. A value enqueued once and dequeued once (by a completed dequeue or drain) is
 * tagged with its dequeue's interval. If x's dequeue finished before y's dequeue began, x must leave the queue first,
 * so x cannot be enqueued behind y: {@link #mustPrecede} lets the model reject that enqueue at once instead of
 * discovering the wrong order many operations later, when x is dequeued. Values taken by one drain share its
 * interval; {@link DrainOrder} orders those.
 */
final class DequeueOrder {
    private DequeueOrder() {}

    /**
     * A uniquely enqueued and dequeued value with its dequeue's invocation and completion positions, and its place in
     * the drain that took it (null when a dequeue or pop did).
     */
    record Tagged(Object value, long dequeueInvoke, long dequeueComplete, DrainOrder.Place drain) {
        Tagged(Object value, long dequeueInvoke, long dequeueComplete) {
            this(value, dequeueInvoke, dequeueComplete, null);
        }

        /** Both taken by the same drain (an op's invocation position identifies it). */
        boolean sameDrain(Tagged other) {
            return drain != null && other.drain != null && dequeueInvoke == other.dequeueInvoke;
        }

        @Override
        public String toString() {
            return EdnPrinter.print(value);
        }
    }

    static boolean mustPrecede(Object x, Object y) {
        return x instanceof Tagged a && y instanceof Tagged b && a.dequeueComplete() < b.dequeueInvoke();
    }

    /** Text for an enqueue of x rejected because y is ahead of it. */
    static String explain(Object x, Object y) {
        Tagged a = (Tagged) x;
        Tagged b = (Tagged) y;
        return a + " would be queued behind " + b + ", yet " + a + " was dequeued by the op at index "
                + a.dequeueInvoke() + ", which completed before the dequeue of " + b + " (op at index "
                + b.dequeueInvoke() + ") began";
    }

    /**
     * The tags of the values in {@code takenBy}, each with the one op that took it; a drain's also carry their place
     * in it. Shared by fifo-queue and deque.
     * @param pushedLeft whether a value was pushed by LPUSH (never, in a fifo-queue)
     */
    static Map<Object, Tagged> tags(List<LinOp> ops, Map<Object, LinOp> takenBy, Predicate<Object> pushedLeft) {
        Map<Object, Tagged> tags = new HashMap<>();
        for (LinOp op : ops) {
            if (!op.f().equals("drain")) continue;
            DrainOrder.places(Drain.elements(op), e -> takenBy.get(e) == op, pushedLeft)
                    .forEach((v, place) -> tags.put(v, new Tagged(v, op.invokeIndex(), op.completeIndex(), place)));
        }
        takenBy.forEach((v, d) -> tags.computeIfAbsent(v, x -> new Tagged(v, d.invokeIndex(), d.completeIndex())));
        return tags;
    }

    /**
     * Tags values enqueued once and taken by one completed dequeue or drain (a drain tags with its interval). The
     * elements of {@code initial} stay unlabelled there, so they are never tagged.
     */
    static List<LinOp> tag(List<LinOp> ops, List<Object> initial) {
        Map<Object, Integer> enqueues = new HashMap<>();
        Map<Object, List<LinOp>> dequeues = new HashMap<>();
        for (LinOp op : ops) {
            if (op.f().equals("enqueue")) enqueues.merge(op.value(), 1, Integer::sum);
            if (op.f().equals("dequeue") && op.value() != null) dequeues.computeIfAbsent(op.value(), v -> new ArrayList<>()).add(op);
            for (Object e : Drain.elements(op)) dequeues.computeIfAbsent(e, v -> new ArrayList<>()).add(op);
        }
        Set<Object> inInitial = new HashSet<>(initial);
        Map<Object, LinOp> takenBy = new HashMap<>();
        dequeues.forEach((v, ds) -> {
            LinOp d = ds.get(0);
            if (ds.size() == 1 && !d.crashed() && enqueues.getOrDefault(v, 0) == 1 && !inInitial.contains(v)) takenBy.put(v, d);
        });
        Map<Object, Tagged> tags = tags(ops, takenBy, v -> false);
        List<LinOp> out = new ArrayList<>(ops.size());
        for (LinOp op : ops) {
            if (op.f().equals("drain")) {
                out.add(tags.isEmpty() ? op : Drain.relabel("fifo-queue", op, e -> {
                    Tagged t = tags.get(e);
                    return t == null ? e : t;
                }));
                continue;
            }
            Tagged t = op.value() == null || op.crashed() && op.f().equals("dequeue") ? null : tags.get(op.value());
            out.add(t == null ? op : op.withValue(t));
        }
        return out;
    }
}
