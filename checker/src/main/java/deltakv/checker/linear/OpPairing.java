package deltakv.checker.linear;

import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a Jepsen history into {@link LinOp}s: pairs each invocation with its process's next completion, drops
 * failed ops (they never took effect) and non-client ops (nemesis), and marks :info or unfinished ops crashed.
 */
public final class OpPairing {
    private OpPairing() {}

    public static List<LinOp> pair(List<Op> history) {
        Map<Object, Op> open = new HashMap<>();
        Map<Op, Op> completion = new HashMap<>();
        List<Op> invokes = new ArrayList<>();
        for (Op op : history) {
            if (!isClient(op)) continue;
            if (op.type() == OpType.INVOKE) {
                Op previous = open.put(op.process(), op);
                if (previous != null) {
                    throw new IllegalArgumentException("process " + op.process() + " invoked op at index "
                            + op.index() + " while its op at index " + previous.index() + " was still open");
                }
                invokes.add(op);
            } else {
                Op inv = open.remove(op.process());
                if (inv == null) {
                    throw new IllegalArgumentException("completion at index " + op.index() + " (process "
                            + op.process() + ") has no matching invocation");
                }
                completion.put(inv, op);
            }
        }
        List<LinOp> ops = new ArrayList<>();
        for (Op inv : invokes) {
            Op done = completion.get(inv);
            if (done != null && done.type() == OpType.FAIL) continue;
            boolean crashed = done == null || done.type() == OpType.INFO;
            Object value = crashed ? inv.value() : done.value();
            ops.add(new LinOp(ops.size(), inv.process(), inv.f(), value, crashed, inv, done));
        }
        return ops;
    }

    /** Jepsen clients have integer process ids; the nemesis and others use keywords. */
    static boolean isClient(Op op) {
        return op.process() instanceof Number;
    }
}
