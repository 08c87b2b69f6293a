package deltakv.checker.linear.model;

import deltakv.checker.linear.LinOp;
import deltakv.checker.linear.Model;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set: {@code :add e}, {@code :remove e}, {@code :contains [e true|false]} and {@code :read} returning all
 * elements (nil = unknown). Without reads every element is an independent object, so the history splits per
 * element (P-compositionality).
 */
public record SetModel(Set<Object> initial) implements Model {
    public SetModel {
        initial = Set.copyOf(initial);
    }

    public SetModel() {
        this(Set.of());
    }

    @Override
    public String name() {
        return "set";
    }

    @Override
    public Object init() {
        return initial;
    }

    @Override
    public Object step(Object state, LinOp op) {
        @SuppressWarnings("unchecked")
        Set<Object> set = (Set<Object>) state;
        return switch (op.f()) {
            case "add" -> set.contains(op.value()) ? set : with(set, op.value(), true);
            case "remove" -> set.contains(op.value()) ? with(set, op.value(), false) : set;
            case "contains" -> {
                List<?> pair = pair(op);
                if (op.crashed() || pair.get(1) == null) yield set;
                yield set.contains(pair.get(0)) == Boolean.TRUE.equals(pair.get(1)) ? set : ILLEGAL;
            }
            case "read" -> {
                if (op.crashed() || op.value() == null) yield set;
                if (!(op.value() instanceof Collection<?> read)) throw Unsupported.op(name(), op, ":read of a collection");
                yield new HashSet<>(read).equals(set) ? set : ILLEGAL;
            }
            default -> throw Unsupported.op(name(), op, ":add, :remove, :contains or :read");
        };
    }

    private List<?> pair(LinOp op) {
        if (op.value() instanceof List<?> p && p.size() == 2) return p;
        throw Unsupported.op(name(), op, ":contains with value [element true|false]");
    }

    private static Set<Object> with(Set<Object> set, Object e, boolean add) {
        Set<Object> next = new HashSet<>(set);
        if (add) next.add(e); else next.remove(e);
        return Set.copyOf(next);
    }

    @Override
    public boolean readOnly(LinOp op) {
        return op.f().equals("read") || op.f().equals("contains");
    }

    @Override
    public List<LinOp> simplify(List<LinOp> ops) {
        return CrashedReads.drop(ops, Set.of("read", "contains"));
    }

    @Override
    public List<List<LinOp>> partition(List<LinOp> ops) {
        Map<Object, List<LinOp>> byElement = new LinkedHashMap<>();
        for (LinOp op : ops) {
            if (!List.of("add", "remove", "contains").contains(op.f())) return List.of(ops);
            Object e = op.f().equals("contains") ? pair(op).get(0) : op.value();
            byElement.computeIfAbsent(e, k -> new ArrayList<>()).add(op);
        }
        return byElement.isEmpty() ? List.of(ops) : List.copyOf(byElement.values());
    }
}
