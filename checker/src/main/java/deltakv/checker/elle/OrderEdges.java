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
        int[] frontier = new int[16];
        int size = 0;
        int[][] predecessors = new int[th.size()][];
        boolean[] implied = new boolean[th.size()];
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
                int[] preds = java.util.Arrays.copyOf(frontier, size);
                for (int p : preds) {
                    out.add(p, txn, Rel.REALTIME);
                }
                predecessors[txn] = preds;
            } else if (op.type() == OpType.OK) {
                int txn = th.txnAt(i);
                if (txn < 0) {
                    continue;
                }
                int[] preds = predecessors[txn];
                predecessors[txn] = null;
                if (preds != null && preds.length > 0) {
                    for (int p : preds) {
                        implied[p] = true;
                    }
                    int n = 0;
                    for (int j = 0; j < size; j++) {
                        if (!implied[frontier[j]]) {
                            frontier[n++] = frontier[j];
                        }
                    }
                    size = n;
                    for (int p : preds) {
                        implied[p] = false;
                    }
                }
                if (size == frontier.length) {
                    frontier = java.util.Arrays.copyOf(frontier, size * 2);
                }
                frontier[size++] = txn;
            } else {
                int txn = th.txnAt(i);
                if (txn >= 0) {
                    predecessors[txn] = null;
                }
            }
        }
    }

    /** Process ids compare as longs whatever integer type the reader produced. */
    public static Object processKey(Op op) {
        return op.process() instanceof Number n ? (Object) n.longValue() : op.process();
    }
}
