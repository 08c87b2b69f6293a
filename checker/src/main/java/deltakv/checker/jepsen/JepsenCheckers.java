package deltakv.checker.jepsen;

import deltakv.checker.CheckOptions;
import deltakv.checker.Checker;

/** `dkv check --workload queue|counter|set|set-full`. */
public final class JepsenCheckers {
    private JepsenCheckers() {}

    public static Checker create(String workload, CheckOptions opts) {
        return switch (workload) {
            case "queue", "total-queue" -> new TotalQueueChecker();
            case "counter" -> new CounterChecker();
            case "set" -> new SetChecker();
            case "set-full" -> new SetFullChecker(opts.consistencyModels().contains("linearizable"));
            default -> throw new IllegalArgumentException("unknown workload '" + workload + "'");
        };
    }
}
