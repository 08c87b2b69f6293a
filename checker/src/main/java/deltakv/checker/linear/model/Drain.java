package deltakv.checker.linear.model;

import deltakv.checker.history.Keyword;
import deltakv.checker.linear.LinOp;
import deltakv.checker.linear.Model;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The final phase's {@code :drain}, shared by fifo-queue and deque: the elements LPOPped from the head, in order,
 * until LPOP returned nil, taken as one op. An {@code :unknown} entry is one LPOP whose outcome is unknown: it
 * removed the head, or nothing.
 */
final class Drain {
    static final Keyword UNKNOWN = Keyword.of("unknown");

    private Drain() {}

    /**
     * Resolves the markers deterministically: m markers before element y remove up to m head elements until y
     * is the head; m markers at the end remove up to m until the list is empty. A marker never skips a
     * {@link DequeueOrder.Tagged} element: its one observed removal is another op, still to come.
     */
    static Object step(String model, List<Object> list, LinOp op) {
        if (op.crashed()) throw crashed(model, op);
        int at = 0;
        int unknown = 0;
        for (Object e : entries(model, op)) {
            if (UNKNOWN.equals(e)) {
                unknown++;
                continue;
            }
            int skipped = 0;
            while (skipped < unknown && at < list.size() && !Objects.equals(list.get(at), e)) {
                if (list.get(at) instanceof DequeueOrder.Tagged) return Model.ILLEGAL;
                at++;
                skipped++;
            }
            if (at >= list.size() || !Objects.equals(list.get(at), e)) return Model.ILLEGAL;
            at++;
            unknown = 0;
        }
        if (list.size() - at > unknown) return Model.ILLEGAL; // LPOP returned nil while elements were left
        for (Object left : list.subList(at, list.size())) {
            if (left instanceof DequeueOrder.Tagged) return Model.ILLEGAL;
        }
        return List.of();
    }

    /** A drain returning nothing only checks that the list is empty. */
    static boolean readOnly(LinOp op) {
        return op.value() instanceof Collection<?> c && c.isEmpty();
    }

    /** Elements an ok drain removed, markers left out; none for any other op. */
    static List<Object> elements(LinOp op) {
        if (!op.f().equals("drain") || op.crashed() || !(op.value() instanceof Collection<?> drained)) return List.of();
        List<Object> out = new ArrayList<>(drained.size());
        for (Object e : drained) if (!UNKNOWN.equals(e)) out.add(e);
        return out;
    }

    /** The drain with each element relabelled (markers kept). */
    static LinOp relabel(String model, LinOp op, UnaryOperator<Object> label) {
        List<Object> out = new ArrayList<>();
        for (Object e : entries(model, op)) out.add(UNKNOWN.equals(e) ? e : label.apply(e));
        return op.withValue(java.util.Collections.unmodifiableList(out));
    }

    /** A crashed drain removed an unknown number of elements at unknown times: no single step models it. */
    static void rejectCrashed(String model, List<LinOp> ops) {
        for (LinOp op : ops) if (op.f().equals("drain") && op.crashed()) throw crashed(model, op);
    }

    private static IllegalArgumentException crashed(String model, LinOp op) {
        return Unsupported.op(model, op, "a completed :drain (what a crashed drain removed cannot be modelled)");
    }

    private static Collection<?> entries(String model, LinOp op) {
        if (op.value() instanceof Collection<?> c) return c;
        throw Unsupported.op(model, op, ":drain returning a vector of elements (and :unknown markers)");
    }
}
