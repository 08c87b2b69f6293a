package deltakv.checker.linear.model;

import deltakv.checker.history.EdnPrinter;
import deltakv.checker.linear.LinOp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Look-ahead pruning for FIFO queues. A value enqueued once and dequeued once (by a completed dequeue or drain) is
 * tagged with its dequeue's interval. If x's dequeue finished before y's dequeue began, x must leave the queue first,
 * so x cannot be enqueued behind y: {@link #mustPrecede} lets the model reject that enqueue at once instead of
 * discovering the wrong order many operations later, when x is dequeued.
 * <p>
 * A drain pops from the head, so its list is the order in which its elements were enqueued, and all of them are
 * still queued when it runs: {@link #drainPredecessorsQueued} admits the enqueue of its element number r only when
 * exactly its r elements ahead are queued. Without that, a queue that was long at the final drain (tens of
 * elements, pushed by concurrent workers) left every order of their concurrent enqueues open until the drain, and
 * the search ran out of time on a valid history.
 */
final class DequeueOrder {
    private DequeueOrder() {}

    /**
     * A uniquely enqueued and dequeued value with its dequeue's invocation and completion positions, and its place in
     * the list of the drain that took it ({@link #NOT_DRAINED} for a dequeue or pop).
     */
    record Tagged(Object value, long dequeueInvoke, long dequeueComplete, int drainRank) {
        static final int NOT_DRAINED = -1;

        Tagged(Object value, long dequeueInvoke, long dequeueComplete) {
            this(value, dequeueInvoke, dequeueComplete, NOT_DRAINED);
        }

        boolean sameDrain(Tagged other) {
            return drainRank != NOT_DRAINED && other.drainRank != NOT_DRAINED && dequeueInvoke == other.dequeueInvoke;
        }

        @Override
        public String toString() {
            return EdnPrinter.print(value);
        }
    }

    static boolean mustPrecede(Object x, Object y) {
        return x instanceof Tagged a && y instanceof Tagged b
                && (a.dequeueComplete() < b.dequeueInvoke() || a.sameDrain(b) && a.drainRank() < b.drainRank());
    }

    /**
     * For a value taken by a drain: are exactly the elements the drain took ahead of it queued? Values not taken by
     * a drain always pass.
     */
    static boolean drainPredecessorsQueued(Object x, List<?> queue) {
        return !(x instanceof Tagged a) || a.drainRank() == Tagged.NOT_DRAINED || queuedFromSameDrain(a, queue) == a.drainRank();
    }

    /** Text for an enqueue of x rejected by {@link #drainPredecessorsQueued}, when nothing behind it is queued. */
    static String explainDrainGap(Object x, List<?> queue) {
        Tagged a = (Tagged) x;
        return a + " would be queued with only " + queuedFromSameDrain(a, queue) + " of the " + a.drainRank()
                + " elements the drain at index " + a.dequeueInvoke() + " took before it ahead of it";
    }

    private static int queuedFromSameDrain(Tagged a, List<?> queue) {
        int same = 0;
        for (Object e : queue) if (e instanceof Tagged b && a.sameDrain(b)) same++;
        return same;
    }

    /** Text for an enqueue of x rejected because y is ahead of it. */
    static String explain(Object x, Object y) {
        Tagged a = (Tagged) x;
        Tagged b = (Tagged) y;
        if (a.sameDrain(b)) {
            return a + " would be queued behind " + b + ", yet the drain at index " + a.dequeueInvoke() + " took "
                    + a + " before " + b;
        }
        return a + " would be queued behind " + b + ", yet " + a + " was dequeued by the op at index "
                + a.dequeueInvoke() + ", which completed before the dequeue of " + b + " (op at index "
                + b.dequeueInvoke() + ") began";
    }

    /** Tags values enqueued once and taken by one completed dequeue or drain (a drain tags with its interval). */
    static List<LinOp> tag(List<LinOp> ops) {
        Map<Object, Integer> enqueues = new HashMap<>();
        Map<Object, List<LinOp>> dequeues = new HashMap<>();
        Map<Object, Integer> drainRank = new HashMap<>();
        for (LinOp op : ops) {
            if (op.f().equals("enqueue")) enqueues.merge(op.value(), 1, Integer::sum);
            if (op.f().equals("dequeue") && op.value() != null) dequeues.computeIfAbsent(op.value(), v -> new ArrayList<>()).add(op);
            List<Object> drained = Drain.elements(op);
            for (int i = 0; i < drained.size(); i++) {
                dequeues.computeIfAbsent(drained.get(i), v -> new ArrayList<>()).add(op);
                drainRank.put(drained.get(i), i);
            }
        }
        Map<Object, Tagged> tags = new HashMap<>();
        dequeues.forEach((v, ds) -> {
            LinOp d = ds.get(0);
            if (ds.size() == 1 && !d.crashed() && enqueues.getOrDefault(v, 0) == 1) {
                int rank = d.f().equals("drain") ? drainRank.get(v) : Tagged.NOT_DRAINED;
                tags.put(v, new Tagged(v, d.invokeIndex(), d.completeIndex(), rank));
            }
        });
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
