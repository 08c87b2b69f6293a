package deltakv.workloads;

import deltakv.checker.Checker;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A workload as a value (Jepsen's shape): how a worker talks to the servers, what each worker invokes in
 * the main phase, what runs after recovery (the final reads), and the checkers for its histories. Knows
 * nothing about faults: the runner composes it with a nemesis.
 *
 * @param client          a client per worker connection
 * @param generator       worker number → that worker's seeded generator
 * @param finalGenerator  keys used in the main phase → the final phase's invocations, run one after
 *                        another on one connection (e.g. drain every queue)
 * @param checkers        name → checker of the whole history (e.g. "elle", "linear")
 */
public record Workload(String name, ClientFactory client, IntFunction<OpGenerator> generator,
                       Function<Set<Object>, List<Invocation>> finalGenerator,
                       java.util.Map<String, Checker> checkers) {
    public Workload {
        checkers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(checkers));
    }

    /** No final phase. */
    public static Function<Set<Object>, List<Invocation>> noFinalPhase() {
        return keys -> List.of();
    }
}
