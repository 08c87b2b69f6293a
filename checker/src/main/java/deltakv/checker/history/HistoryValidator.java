package deltakv.checker.history;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs invokes with completions per process and rejects impossible sequences: a completion with no
 * outstanding invoke, or a process invoking again while its previous invoke is outstanding. Non-client
 * ops (nemesis) are not paired: Jepsen writes them as :info/:info pairs without that discipline.
 */
public final class HistoryValidator {
    private HistoryValidator() {}

    public static History validate(List<Op> ops) {
        int[] pairs = new int[ops.size()];
        Arrays.fill(pairs, -1);
        Map<Object, Integer> outstanding = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (!History.isClient(op)) {
                continue;
            }
            Object process = normalize(op.process());
            if (op.type() == OpType.INVOKE) {
                Integer prev = outstanding.put(process, i);
                if (prev != null) {
                    throw new HistoryException("op " + op.index() + ": process " + op.process()
                            + " invoked again while its invoke at op " + ops.get(prev).index() + " is still outstanding");
                }
            } else {
                Integer inv = outstanding.remove(process);
                if (inv == null) {
                    throw new HistoryException("op " + op.index() + ": " + op.type().edn() + " completion by process "
                            + op.process() + " without an outstanding invoke");
                }
                pairs[i] = inv;
                pairs[inv] = i;
            }
        }
        return new History(ops, pairs);
    }

    private static Object normalize(Object process) {
        return process instanceof Number n ? (Object) n.longValue() : process;
    }
}
