package deltakv.checker.jepsen;

import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Client ops of a history and the invocation/completion pairing (per process, in order). */
final class Completions {
    final List<Op> clientOps = new ArrayList<>();
    private final Map<Op, Op> completionOf = new IdentityHashMap<>();
    private final Map<Op, Op> invocationOf = new IdentityHashMap<>();

    Completions(List<Op> history) {
        Map<Object, Op> open = new HashMap<>();
        for (Op op : history) {
            if (!(op.process() instanceof Number)) continue; // nemesis and other non-client ops
            clientOps.add(op);
            if (op.type() == OpType.INVOKE) {
                open.put(op.process(), op);
            } else {
                Op inv = open.remove(op.process());
                if (inv == null) {
                    throw new IllegalArgumentException("completion at index " + op.index() + " (process "
                            + op.process() + ") has no matching invocation");
                }
                completionOf.put(inv, op);
                invocationOf.put(op, inv);
            }
        }
    }

    /** The completion of an invocation, or null when it never completed. */
    Op completion(Op invoke) {
        return completionOf.get(invoke);
    }

    Op invocation(Op completion) {
        return invocationOf.get(completion);
    }
}
