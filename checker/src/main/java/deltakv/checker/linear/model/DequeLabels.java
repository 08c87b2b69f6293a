package deltakv.checker.linear.model;

import deltakv.checker.linear.LinOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Relabels a deque history's elements, as fifo-queue does. Elements no pop, LRANGE or drain ever returned share
 * {@link Unobserved}'s label. An element pushed once and removed by exactly one completed op (a pop or a drain)
 * becomes a {@link DequeueOrder.Tagged} value, and the model lets nothing else remove it (a crashed pop, a DEL,
 * a drain's marker): its one observed removal is still to come. A drain's elements also carry their place in it
 * ({@link DrainOrder}). Observations are relabelled alike, so the model still compares like with like.
 */
final class DequeLabels {
    private DequeLabels() {}

    /** @param initial the list before the history: its elements stay unlabelled there, so they are never tagged */
    static List<LinOp> relabel(String model, List<LinOp> ops, List<Object> initial) {
        Map<Object, Integer> pushes = new HashMap<>();
        Set<Object> leftPushed = new HashSet<>();
        Map<Object, List<LinOp>> removals = new HashMap<>();
        Set<Object> observed = new HashSet<>();
        for (LinOp op : ops) {
            switch (op.f()) {
                case "lpush", "rpush" -> {
                    Object e = DequeModel.pushed(op).get(0);
                    pushes.merge(e, 1, Integer::sum);
                    if (op.f().equals("lpush")) leftPushed.add(e);
                }
                case "lpop", "rpop" -> {
                    if (!op.crashed() && op.value() != null) {
                        observed.add(op.value());
                        removals.computeIfAbsent(op.value(), e -> new ArrayList<>()).add(op);
                    }
                }
                case "lrange" -> {
                    if (op.value() instanceof Collection<?> c) observed.addAll(c);
                }
                case "drain" -> {
                    for (Object e : Drain.elements(op)) {
                        observed.add(e);
                        removals.computeIfAbsent(e, x -> new ArrayList<>()).add(op);
                    }
                }
                default -> { }
            }
        }
        Set<Object> inInitial = new HashSet<>(initial);
        Map<Object, LinOp> takenBy = new HashMap<>();
        removals.forEach((e, by) -> {
            if (by.size() == 1 && pushes.getOrDefault(e, 0) == 1 && !inInitial.contains(e)) takenBy.put(e, by.get(0));
        });
        Map<Object, Object> label = new HashMap<>(DequeueOrder.tags(ops, takenBy, leftPushed::contains));
        pushes.keySet().forEach(e -> {
            if (!observed.contains(e)) label.put(e, Unobserved.VALUE);
        });
        if (label.isEmpty()) return ops;
        List<LinOp> out = new ArrayList<>(ops.size());
        for (LinOp op : ops) out.add(relabel(model, op, label));
        return out;
    }

    private static LinOp relabel(String model, LinOp op, Map<Object, Object> label) {
        return switch (op.f()) {
            case "lpush", "rpush" -> {
                List<?> pushed = DequeModel.pushed(op);
                yield op.withValue(Arrays.asList(label.getOrDefault(pushed.get(0), pushed.get(0)), pushed.get(1)));
            }
            case "lpop", "rpop" -> op.value() == null ? op : op.withValue(label.getOrDefault(op.value(), op.value()));
            case "lrange" -> {
                if (!(op.value() instanceof Collection<?> c)) yield op;
                List<Object> read = new ArrayList<>(c.size());
                for (Object e : c) read.add(label.getOrDefault(e, e));
                yield op.withValue(read);
            }
            case "drain" -> Drain.relabel(model, op, e -> label.getOrDefault(e, e));
            default -> op;
        };
    }
}
