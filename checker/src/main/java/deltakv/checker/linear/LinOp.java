package deltakv.checker.linear;

import deltakv.checker.history.EdnPrinter;
import deltakv.checker.history.Op;

/**
 * One client operation as the linearizability search sees it: an invocation paired with its completion.
 *
 * @param id       dense id within its partition (bit position in the linearized set)
 * @param process  the client process
 * @param f        function name, e.g. "read", "cas", "enqueue"
 * @param value    the completion value for ok ops, the invocation value for crashed ones (Knossos semantics)
 * @param crashed  true for :info or never-completed ops: may take effect at any point after invocation, or never
 * @param invoke   the invocation op from the history
 * @param complete the completion op, or null when the op never completed
 */
public record LinOp(int id, Object process, String f, Object value, boolean crashed, Op invoke, Op complete) {

    public LinOp withId(int newId) {
        return new LinOp(newId, process, f, value, crashed, invoke, complete);
    }

    public LinOp withValue(Object newValue) {
        return new LinOp(id, process, f, newValue, crashed, invoke, complete);
    }

    /** Position of the invocation in the original history. */
    public long invokeIndex() {
        return invoke.index();
    }

    /** Position of the completion in the original history; Long.MAX_VALUE for crashed ops (completes at +inf). */
    public long completeIndex() {
        return complete == null || crashed ? Long.MAX_VALUE : complete.index();
    }

    /** Short text such as {@code p3 :write 4} or {@code p1 :read nil (crashed)}. */
    public String describe() {
        // From the history, not {@link #value}: a model's simplification may have relabelled the value.
        Object shown = crashed || complete == null ? invoke.value() : complete.value();
        return "p" + process + " :" + f + " " + EdnPrinter.print(shown) + (crashed ? " (crashed)" : "")
                + " [index " + invoke.index() + "]";
    }
}
