package deltakv.checker.elle;

import deltakv.checker.history.History;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Process and realtime order edges between transactions. */
public final class OrderEdges {
    private OrderEdges() {}

    /** a → b when a process's ok transaction b follows its previous ok transaction a. */
    public static void process(TxnHistory th, EdgeList out) {
        Map<Object, Integer> last = new HashMap<>();
        for (Txn t : th.possible()) {
            if (!t.ok()) {
                continue;
            }
            Integer prev = last.put(processKey(t.op()), t.id());
            if (prev != null) {
                out.add(prev, t.id(), Rel.PROCESS);
            }
        }
    }

    /**
     * a → b when ok transaction a completed before b was invoked — only the transitive reduction, as
     * Elle does: we keep the frontier of completed transactions not already implied by a later one, link
     * every frontier member to each new invocation, and drop from the frontier whatever a newly completed
     * transaction was already linked from.
     */
    public static void realtime(TxnHistory th, EdgeList out) {
        History h = th.history();
        List<Integer> frontier = new ArrayList<>();
        Map<Integer, int[]> predecessors = new HashMap<>();
        for (int i = 0; i < h.size(); i++) {
            Op op = h.get(i);
            if (!History.isClient(op)) {
                continue;
            }
            if (op.type() == OpType.INVOKE) {
                int c = h.completion(i);
                int txn = c < 0 ? -1 : th.txnAt(c);
                if (txn < 0) {
                    continue;
                }
                int[] preds = new int[frontier.size()];
                for (int j = 0; j < preds.length; j++) {
                    preds[j] = frontier.get(j);
                    out.add(preds[j], txn, Rel.REALTIME);
                }
                predecessors.put(txn, preds);
            } else if (op.type() == OpType.OK) {
                int txn = th.txnAt(i);
                if (txn < 0) {
                    continue;
                }
                int[] implied = predecessors.remove(txn);
                if (implied != null && implied.length > 0) {
                    java.util.Set<Integer> drop = new java.util.HashSet<>();
                    for (int p : implied) {
                        drop.add(p);
                    }
                    frontier.removeIf(drop::contains);
                }
                frontier.add(txn);
            } else {
                predecessors.remove(th.txnAt(i));
            }
        }
    }

    /** Process ids compare as longs whatever integer type the reader produced. */
    public static Object processKey(Op op) {
        return op.process() instanceof Number n ? (Object) n.longValue() : op.process();
    }
}
