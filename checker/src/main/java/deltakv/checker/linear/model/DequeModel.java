package deltakv.checker.linear.model;

import deltakv.checker.linear.LinOp;
import deltakv.checker.linear.Model;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One Redis list with both ends, per {@code :key}. {@code :lpush}/{@code :rpush} take {@code [e nil]} and return
 * {@code [e n]}, n being the new length; {@code :lpop}/{@code :rpop} return the element or nil (empty);
 * {@code :llen} returns the length, {@code :lrange} the whole list head first, {@code :del} 1 or 0 (whether it
 * existed) and empties it; the final {@code :drain} is described in {@link Drain}. A crashed push pushes its
 * element, a crashed pop or del removes whatever it would have. State: an immutable list, head first.
 */
public record DequeModel(List<Object> initial) implements Model {
    private static final Set<String> READS = Set.of("llen", "lrange");

    public DequeModel {
        initial = List.copyOf(initial);
    }

    public DequeModel() {
        this(List.of());
    }

    @Override
    public String name() {
        return "deque";
    }

    @Override
    public Object init() {
        return initial;
    }

    @Override
    public Object step(Object state, LinOp op) {
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) state;
        return switch (op.f()) {
            case "lpush", "rpush" -> push(list, op);
            case "lpop", "rpop" -> pop(list, op);
            case "llen" -> op.crashed() || length(op, op.value()) == list.size() ? list : ILLEGAL;
            case "lrange" -> op.crashed() || list.equals(range(op)) ? list : ILLEGAL;
            case "del" -> del(list, op);
            case "drain" -> Drain.step(name(), list, op);
            default -> throw Unsupported.op(name(), op, ":lpush, :rpush, :lpop, :rpop, :llen, :lrange, :del or :drain");
        };
    }

    private Object push(List<Object> list, LinOp op) {
        List<?> pushed = pushed(op);
        Object reply = pushed.get(1);
        if (!op.crashed() && reply != null && length(op, reply) != list.size() + 1) return ILLEGAL;
        if (!DrainOrder.allows(pushed.get(0), list)) return ILLEGAL;
        List<Object> next = new ArrayList<>(list.size() + 1);
        if (op.f().equals("rpush")) next.addAll(list);
        next.add(pushed.get(0));
        if (op.f().equals("lpush")) next.addAll(list);
        return List.copyOf(next);
    }

    private Object pop(List<Object> list, LinOp op) {
        if (list.isEmpty()) return op.crashed() || op.value() == null ? list : ILLEGAL;
        boolean left = op.f().equals("lpop");
        Object end = left ? list.get(0) : list.get(list.size() - 1);
        // A crashed pop must not take an element whose one observed removal is still to come (see DequeLabels).
        boolean legal = op.crashed() ? !(end instanceof DequeueOrder.Tagged) : Objects.equals(end, op.value());
        if (!legal) return ILLEGAL;
        return List.copyOf(left ? list.subList(1, list.size()) : list.subList(0, list.size() - 1));
    }

    private Object del(List<Object> list, LinOp op) {
        if (!op.crashed() && (length(op, op.value()) > 0) == list.isEmpty()) return ILLEGAL;
        if (list.isEmpty()) return list;
        return anyTagged(list) ? ILLEGAL : List.of(); // nor may a DEL take such an element
    }

    /** Says which reply the state contradicts: a push's or LLEN's length, or the element at a pop's end. */
    @Override
    public String whyIllegal(Object state, LinOp op) {
        if (op.crashed() || !(state instanceof List<?> list)) return null;
        return switch (op.f()) {
            case "lpush", "rpush" -> whyPushIllegal(list, op);
            case "llen" -> "LLEN read " + op.value() + ", but the list holds " + list.size() + " element(s)";
            case "lpop", "rpop" -> list.isEmpty()
                    ? op.f().toUpperCase() + " returned " + op.value() + " from an empty list"
                    : op.f().toUpperCase() + " returned " + op.value() + ", but the " + (op.f().equals("lpop") ? "head" : "tail")
                            + " is " + describeElement(op.f().equals("lpop") ? list.get(0) : list.get(list.size() - 1));
            default -> null;
        };
    }

    private static String whyPushIllegal(List<?> list, LinOp op) {
        if (!(op.value() instanceof List<?> p) || p.size() != 2) return null;
        if (p.get(1) instanceof Number n && n.longValue() != list.size() + 1) {
            return op.f().toUpperCase() + " replied length " + n + ", but the list held " + list.size()
                    + " element(s), so the push makes it " + (list.size() + 1);
        }
        return DrainOrder.allows(p.get(0), list) ? null : DrainOrder.explain(p.get(0), list);
    }

    private static String describeElement(Object e) {
        return String.valueOf(e instanceof DequeueOrder.Tagged t ? t.value() : e);
    }

    @Override
    public boolean readOnly(LinOp op) {
        return switch (op.f()) {
            case "llen", "lrange" -> true;
            case "lpop", "rpop" -> op.value() == null; // an empty pop
            case "del" -> Objects.equals(op.value(), 0L); // legal only on an empty list
            case "drain" -> Drain.readOnly(op);
            default -> false;
        };
    }

    /**
     * Crashed reads go. A crashed push of an element nobody observed cannot go too (unlike fifo-queue's crashed
     * enqueue): lengths observe it. Values are relabelled by {@link DequeLabels}.
     */
    @Override
    public List<LinOp> simplify(List<LinOp> ops) {
        List<LinOp> kept = CrashedReads.drop(ops, READS);
        Drain.rejectCrashed(name(), kept);
        return DequeLabels.relabel(name(), kept, initial);
    }

    @Override
    public List<List<LinOp>> partition(List<LinOp> ops) {
        return KeyField.partition(ops);
    }

    /** The {@code [e n]} of a push; n is nil when unknown (an invocation, a crashed push). */
    static List<?> pushed(LinOp op) {
        if (op.value() instanceof List<?> p && p.size() == 2 && p.get(0) != null) return p;
        throw Unsupported.op("deque", op, ":" + op.f() + " with value [element length], length nil when unknown");
    }

    private long length(LinOp op, Object n) {
        if (n instanceof Number number) return number.longValue();
        throw Unsupported.op(name(), op, "an integer (a length, or 1/0 for :del)");
    }

    private List<?> range(LinOp op) {
        if (op.value() instanceof Collection<?> c) return c instanceof List<?> l ? l : List.copyOf(c);
        throw Unsupported.op(name(), op, ":lrange returning a vector");
    }

    private static boolean anyTagged(List<?> list) {
        for (Object e : list) if (e instanceof DequeueOrder.Tagged) return true;
        return false;
    }
}
