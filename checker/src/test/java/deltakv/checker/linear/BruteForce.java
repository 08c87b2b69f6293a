package deltakv.checker.linear;

import java.util.List;

/**
 * Linearizability by exhaustive search over orders, with no memo, simplification or pruning: the reference the
 * differential test holds the real search against. Only for tiny histories.
 */
final class BruteForce {
    private BruteForce() {}

    static boolean linearizable(Model model, List<LinOp> ops) {
        return search(model, ops, new boolean[ops.size()], model.init());
    }

    private static boolean search(Model model, List<LinOp> ops, boolean[] done, Object state) {
        boolean allCompletedDone = true;
        for (int i = 0; i < ops.size(); i++) {
            if (!done[i] && !ops.get(i).crashed()) allCompletedDone = false;
        }
        if (allCompletedDone) return true;
        for (int i = 0; i < ops.size(); i++) {
            if (done[i] || !minimal(ops, done, ops.get(i))) continue;
            Object next = model.step(state, ops.get(i));
            if (next == Model.ILLEGAL) continue;
            done[i] = true;
            boolean ok = search(model, ops, done, next);
            done[i] = false;
            if (ok) return true;
        }
        return false;
    }

    /** No pending op completed before {@code op} was invoked (real-time order). */
    private static boolean minimal(List<LinOp> ops, boolean[] done, LinOp op) {
        for (int j = 0; j < ops.size(); j++) {
            if (!done[j] && ops.get(j).completeIndex() < op.invokeIndex()) return false;
        }
        return true;
    }
}
