package deltakv.checker.jepsen;

import deltakv.checker.CheckOptions;
import deltakv.checker.Checker;
import deltakv.checker.history.HistoryException;

/** `dkv check --workload queue|counter|set|set-full`. */
public final class JepsenCheckers {
    private JepsenCheckers() {}

    public static Checker create(String workload, CheckOptions opts) {
        Checker checker = checker(workload, opts);
        // Bad input found while checking (e.g. a non-integer counter value) is a one-line history error.
        return history -> {
            try {
                return checker.check(history);
            } catch (IllegalArgumentException e) {
                throw new HistoryException(e.getMessage());
            }
        };
    }

    private static Checker checker(String workload, CheckOptions opts) {
        return switch (workload) {
            case "queue", "total-queue" -> new TotalQueueChecker();
            case "counter" -> new CounterChecker();
            case "set" -> new SetChecker();
            case "set-full" -> new SetFullChecker(opts.consistencyModels().contains("linearizable")
                    || opts.flags().contains("linearizable"));
            default -> throw new IllegalArgumentException("unknown workload '" + workload + "'");
        };
    }
}
