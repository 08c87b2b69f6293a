package deltakv.checker.linear;

import deltakv.checker.CheckResult;
import deltakv.checker.Checker;
import deltakv.checker.history.HistoryException;
import deltakv.checker.history.Op;
import java.time.Duration;
import java.util.List;

/**
 * `dkv check --model M`: decides linearizability of a history against a {@link Model} with the Wing–Gong–Lowe
 * search, split into independent parts when the model allows (checked in parallel; the first violation cancels
 * the rest). Exceeding the time limit or the memory guard gives {@code unknown}.
 */
public final class LinearizabilityChecker implements Checker {
    private final Model model;
    private final Duration timeLimit;
    private final long memoryLimitBytes;
    private final boolean split;

    public LinearizabilityChecker(Model model, Duration timeLimit, long memoryLimitBytes, boolean split) {
        this.model = model;
        this.timeLimit = timeLimit;
        this.memoryLimitBytes = memoryLimitBytes;
        this.split = split;
    }

    /** No time limit, default memory guard, per-key splitting on. */
    public LinearizabilityChecker(Model model) {
        this(model, Duration.ZERO, Budget.defaultMemoryLimit(), true);
    }

    public LinearizabilityChecker(Model model, Duration timeLimit) {
        this(model, timeLimit, Budget.defaultMemoryLimit(), true);
    }

    /** Bad input (an op the model does not know, unpaired ops) is a {@link HistoryException} with one line. */
    @Override
    public CheckResult check(List<Op> history) {
        try {
            return checkPaired(OpPairing.pair(history));
        } catch (IllegalArgumentException e) {
            throw new HistoryException(e.getMessage());
        }
    }

    private CheckResult checkPaired(List<LinOp> ops) {
        List<List<LinOp>> parts = Partitions.split(model, ops, split);
        long start = System.nanoTime();
        PartitionRunner.Found found = new PartitionRunner(model, newBudget()).run(parts);
        SearchOutcome outcome = found.outcome();
        if (outcome instanceof SearchOutcome.Violation v) {
            // Explain with a fresh budget (the first pass may have used most of it): blame the op that completes
            // the shortest failing prefix; failing that, report where the search got deepest.
            SearchOutcome.Violation blamed = new ShortestFailingPrefix(model, newBudget()).explain(v, ops);
            if (blamed != null) {
                outcome = blamed;
            } else {
                SearchOutcome deepest = new WglSearch(model, v.ops(), newBudget()).run(true);
                if (deepest instanceof SearchOutcome.Violation) outcome = deepest;
            }
        }
        if (outcome instanceof SearchOutcome.Violation v && v.failing() != null) outcome = withAllOps(v, ops);
        long elapsed = System.nanoTime() - start;
        return new LinearResult(model.name(), outcome, found.partition(), parts.size(), ops.size(), elapsed);
    }

    /** The timeline shows every op of the failing part as in the history, including ones simplification dropped. */
    private SearchOutcome.Violation withAllOps(SearchOutcome.Violation v, List<LinOp> ops) {
        List<List<LinOp>> rawParts = split ? model.partition(ops) : List.of(ops);
        for (List<LinOp> part : rawParts) {
            if (part.stream().anyMatch(o -> o.invoke() == v.failing().invoke())) {
                return new SearchOutcome.Violation(part, v.prefix(), v.failing(), v.states(), v.reason());
            }
        }
        return v;
    }

    private Budget newBudget() {
        return new Budget(timeLimit.toNanos(), memoryLimitBytes);
    }
}
