package deltakv.checker.linear.model;

import deltakv.checker.linear.LinOp;
import deltakv.checker.linear.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Objects;

/**
 * A FIFO queue for RPUSH/LPOP: {@code :enqueue v}; {@code :dequeue} returns the head, or nil on an empty queue.
 * A crashed dequeue's result is unknown, so it removes whatever the head was (or nothing when empty). The final
 * {@code :drain} empties the queue (see {@link Drain}). State: an immutable list, head first.
 */
public record FifoQueueModel(List<Object> initial) implements Model {
    public FifoQueueModel {
        initial = List.copyOf(initial);
    }

    public FifoQueueModel() {
        this(List.of());
    }

    @Override
    public String name() {
        return "fifo-queue";
    }

    @Override
    public Object init() {
        return initial;
    }

    @Override
    public Object step(Object state, LinOp op) {
        @SuppressWarnings("unchecked")
        List<Object> queue = (List<Object>) state;
        return switch (op.f()) {
            case "enqueue" -> {
                for (Object ahead : queue) if (DequeueOrder.mustPrecede(op.value(), ahead)) yield ILLEGAL;
                if (!DrainOrder.allows(op.value(), queue)) yield ILLEGAL;
                List<Object> next = new ArrayList<>(queue.size() + 1);
                next.addAll(queue);
                next.add(op.value());
                yield List.copyOf(next);
            }
            case "dequeue" -> {
                if (queue.isEmpty()) yield op.crashed() || op.value() == null ? queue : ILLEGAL;
                if (!op.crashed() && !Objects.equals(queue.get(0), op.value())) yield ILLEGAL;
                // A crashed dequeue must not take a value whose one completed dequeue is still to come.
                if (op.crashed() && queue.get(0) instanceof DequeueOrder.Tagged) yield ILLEGAL;
                yield List.copyOf(queue.subList(1, queue.size()));
            }
            case "drain" -> Drain.step(name(), queue, op);
            default -> throw Unsupported.op(name(), op, ":enqueue, :dequeue or :drain");
        };
    }

    @Override
    public String whyIllegal(Object state, LinOp op) {
        if (!op.f().equals("enqueue") || !(state instanceof List<?> queue)) return null;
        for (Object ahead : queue) {
            if (DequeueOrder.mustPrecede(op.value(), ahead)) {
                return DequeueOrder.explain(op.value(), ahead);
            }
        }
        if (!DrainOrder.allows(op.value(), queue)) return DrainOrder.explain(op.value(), queue);
        return null;
    }

    @Override
    public boolean readOnly(LinOp op) {
        return op.f().equals("dequeue") && op.value() == null // an empty dequeue
                || op.f().equals("drain") && Drain.readOnly(op);
    }

    /**
     * A crashed enqueue whose (unique) value no completed dequeue or drain returned may be assumed never to have
     * happened: any linearization where it took effect stays one after removing it (and the crashed dequeue, if
     * any, that took it; a drain's :unknown marker then removes nothing). This keeps crashed enqueues from
     * multiplying the queue states the search must visit. Other never-dequeued values get one shared label (see
     * {@link Unobserved}); dequeued ones carry their dequeue's interval for look-ahead pruning (see
     * {@link DequeueOrder}).
     */
    @Override
    public List<LinOp> simplify(List<LinOp> ops) {
        Drain.rejectCrashed(name(), ops);
        Map<Object, Integer> enqueued = new HashMap<>();
        Set<Object> dequeued = new HashSet<>();
        for (LinOp op : ops) {
            if (op.f().equals("enqueue")) enqueued.merge(op.value(), 1, Integer::sum);
            if (op.f().equals("dequeue") && !op.crashed()) dequeued.add(op.value());
            dequeued.addAll(Drain.elements(op));
        }
        List<LinOp> out = new ArrayList<>(ops.size());
        for (LinOp o : ops) {
            boolean unobserved = o.f().equals("enqueue") && !dequeued.contains(o.value());
            if (unobserved && o.crashed() && enqueued.get(o.value()) == 1) continue;
            out.add(unobserved ? o.withValue(Unobserved.VALUE) : o);
        }
        return DequeueOrder.tag(out, initial);
    }

    @Override
    public List<List<LinOp>> partition(List<LinOp> ops) {
        return KeyField.partition(ops);
    }
}
