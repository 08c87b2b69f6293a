package deltakv.checker.linear;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the operation to blame for a violation: binary search for the shortest prefix of the history (cut at
 * an op's completion; ops still pending at the cut count as crashed) that is already not linearizable.
 * Linearizability is prefix-closed, so the search is sound, and the op completing at that cut is the first
 * whose outcome is impossible — e.g. the stale read, not whatever the deepest search path happened to stop at.
 */
final class ShortestFailingPrefix {
    private final Model model;
    private final Budget budget;

    ShortestFailingPrefix(Model model, Budget budget) {
        this.model = model;
        this.budget = budget;
    }

    /**
     * @param violation the violation found on a (simplified) partition
     * @param rawOps    all ops of the history before simplification (values as in the history)
     * @return the explained violation, or null if the budget ran out first or a cut could not be checked
     */
    SearchOutcome.Violation explain(SearchOutcome.Violation violation, List<LinOp> rawOps) {
        try {
            return shortest(violation, rawOps);
        } catch (IllegalArgumentException e) {
            // A cut left pending an op the model cannot take as crashed (a :drain): explain by the deepest point.
            return null;
        }
    }

    private SearchOutcome.Violation shortest(SearchOutcome.Violation violation, List<LinOp> rawOps) {
        Map<Object, LinOp> rawByInvoke = new IdentityHashMap<>();
        for (LinOp op : rawOps) rawByInvoke.put(op.invoke(), op);
        List<LinOp> part = new ArrayList<>();
        for (LinOp op : violation.ops()) part.add(rawByInvoke.get(op.invoke()));
        List<LinOp> completed = part.stream().filter(o -> !o.crashed())
                .sorted((a, b) -> Long.compare(a.completeIndex(), b.completeIndex())).toList();
        if (completed.isEmpty()) return null;
        int lo = 0;
        int hi = completed.size() - 1; // the whole part fails
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            SearchOutcome o = new WglSearch(model, cut(part, completed.get(mid).completeIndex()), budget).run(false);
            if (o instanceof SearchOutcome.Unknown) return null;
            if (o instanceof SearchOutcome.Violation) hi = mid; else lo = mid + 1;
        }
        LinOp culprit = completed.get(lo);
        SearchOutcome o = new WglSearch(model, cut(part, culprit.completeIndex()), budget).run(true);
        if (!(o instanceof SearchOutcome.Violation v)) return null;
        boolean same = v.failing() != null && v.failing().invokeIndex() == culprit.invokeIndex();
        if (same || v.failing() == null
                || v.prefix().stream().anyMatch(p -> p.invokeIndex() == culprit.invokeIndex())) {
            // The deepest search of the cut blocked on another op after linearizing the culprit (two pushes
            // that both claim length 1): that prefix and blocked op explain the cut coherently; naming the
            // culprit as "cannot linearize" after a prefix that contains it would not.
            return new SearchOutcome.Violation(violation.ops(), v.prefix(), v.failing(), v.states(), v.reason());
        }
        return new SearchOutcome.Violation(violation.ops(), v.prefix(), culprit, List.of(), null);
    }

    /** The prefix up to position {@code cut}: later invocations dropped, ops still pending become crashed. */
    private List<LinOp> cut(List<LinOp> part, long cut) {
        List<LinOp> out = new ArrayList<>();
        for (LinOp op : part) {
            if (op.invokeIndex() > cut) continue;
            boolean pending = !op.crashed() && op.completeIndex() > cut;
            out.add(pending ? new LinOp(op.id(), op.process(), op.f(), op.invoke().value(), true, op.invoke(), null) : op);
        }
        List<LinOp> simplified = model.simplify(out);
        List<LinOp> renumbered = new ArrayList<>(simplified.size());
        for (LinOp op : simplified) renumbered.add(op.withId(renumbered.size()));
        return renumbered;
    }
}
