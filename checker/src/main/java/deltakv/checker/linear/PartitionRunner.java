package deltakv.checker.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Checks independent parts, in parallel when there are several, stopping everyone at the first violation. */
final class PartitionRunner {
    /** The combined outcome and the index of the part it comes from (-1 when all parts are linearizable). */
    record Found(SearchOutcome outcome, int partition) {}

    private final Model model;
    private final Budget budget;

    PartitionRunner(Model model, Budget budget) {
        this.model = model;
        this.budget = budget;
    }

    Found run(List<List<LinOp>> parts) {
        SearchOutcome[] outcomes = new SearchOutcome[parts.size()];
        int threads = Math.min(parts.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            for (int i = 0; i < parts.size(); i++) {
                outcomes[i] = search(parts.get(i));
                if (outcomes[i] instanceof SearchOutcome.Violation) break;
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "wgl-search");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) {
                    int idx = i;
                    futures.add(pool.submit(() -> outcomes[idx] = search(parts.get(idx))));
                }
                for (Future<?> f : futures) await(f);
            } finally {
                budget.cancel(); // all done, or a part threw: stop any search still running
                pool.shutdownNow();
            }
        }
        return combine(outcomes);
    }

    private SearchOutcome search(List<LinOp> part) {
        if (budget.exceeded() != null) return new SearchOutcome.Unknown(budget.exceeded());
        SearchOutcome o = new WglSearch(model, part, budget).run(false);
        if (o instanceof SearchOutcome.Violation) budget.cancel();
        return o;
    }

    private static Found combine(SearchOutcome[] outcomes) {
        int unknown = -1;
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] instanceof SearchOutcome.Violation) return new Found(outcomes[i], i);
            if (outcomes[i] instanceof SearchOutcome.Unknown && unknown < 0) unknown = i;
        }
        if (unknown >= 0) return new Found(outcomes[unknown], unknown);
        List<LinOp> order = new ArrayList<>();
        for (SearchOutcome o : outcomes) order.addAll(((SearchOutcome.Linearizable) o).order());
        return new Found(new SearchOutcome.Linearizable(order), -1);
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking", e);
        } catch (ExecutionException e) {
            // Bad input (e.g. an op the model does not know) surfaces as the original exception.
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }
}
