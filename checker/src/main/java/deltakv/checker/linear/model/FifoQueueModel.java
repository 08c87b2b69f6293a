package deltakv.checker.linear.model;

import deltakv.checker.linear.LinOp;
import deltakv.checker.linear.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A FIFO queue for RPUSH/LPOP: {@code :enqueue v}; {@code :dequeue} returns the head, or nil on an empty queue.
 * A crashed dequeue's result is unknown, so it removes whatever the head was (or nothing when empty).
 * State: an immutable list, head first.
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
                List<Object> next = new ArrayList<>(queue.size() + 1);
                next.addAll(queue);
                next.add(op.value());
                yield List.copyOf(next);
            }
            case "dequeue" -> {
                if (queue.isEmpty()) yield op.crashed() || op.value() == null ? queue : ILLEGAL;
                if (!op.crashed() && !Objects.equals(queue.get(0), op.value())) yield ILLEGAL;
                yield List.copyOf(queue.subList(1, queue.size()));
            }
            default -> throw Unsupported.op(name(), op, ":enqueue or :dequeue");
        };
    }

    @Override
    public List<List<LinOp>> partition(List<LinOp> ops) {
        return KeyField.partition(ops);
    }
}
