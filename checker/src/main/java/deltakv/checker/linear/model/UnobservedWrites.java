package deltakv.checker.linear.model;

import deltakv.checker.linear.LinOp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Register simplification: crashed reads have no effect, and a crashed write (or cas) whose new value no op ever observes — no read returns it,
 * no cas expects it — may be assumed never to have happened. In any linearization where it took effect, nothing
 * could tell its value from the one before (failed ops are gone, and an ok cas would have had to expect it), so
 * removing it leaves a linearization. Without this, every crashed write doubles the configurations searched.
 * Completed writes of unobserved values keep their effect but get one shared label ({@link Unobserved}).
 */
final class UnobservedWrites {
    private UnobservedWrites() {}

    static List<LinOp> drop(List<LinOp> ops) {
        Set<Object> observed = new HashSet<>();
        for (LinOp op : ops) {
            if (op.f().equals("read") && !op.crashed() && op.value() != null) observed.add(op.value());
            if (op.f().equals("cas") && op.value() instanceof List<?> pair && pair.size() == 2) observed.add(pair.get(0));
        }
        List<LinOp> out = new ArrayList<>(ops.size());
        for (LinOp o : ops) {
            if (o.crashed() && droppable(o, observed)) continue;
            out.add(relabel(o, observed));
        }
        return out;
    }

    /** Completed writes of unobserved values get the shared {@link Unobserved} label. */
    private static LinOp relabel(LinOp op, Set<Object> observed) {
        if (op.f().equals("write") && !observed.contains(op.value())) return op.withValue(Unobserved.VALUE);
        if (op.f().equals("cas") && op.value() instanceof List<?> pair && pair.size() == 2
                && !observed.contains(pair.get(1))) {
            return op.withValue(java.util.Arrays.asList(pair.get(0), Unobserved.VALUE));
        }
        return op;
    }

    /** Crashed reads have no effect; crashed writes only matter if their value is observed. */
    private static boolean droppable(LinOp op, Set<Object> observed) {
        return switch (op.f()) {
            case "read" -> true;
            case "write" -> !observed.contains(op.value());
            case "cas" -> op.value() instanceof List<?> pair && pair.size() == 2 && !observed.contains(pair.get(1));
            default -> false;
        };
    }
}
