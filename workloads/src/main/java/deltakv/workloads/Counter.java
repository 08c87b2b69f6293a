package deltakv.workloads;

import deltakv.checker.jepsen.CounterChecker;
import deltakv.checker.jepsen.PerKey;
import deltakv.workloads.client.CounterClient;
import deltakv.workloads.gen.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code counter} (HARNESS.md §3): {@code INCRBY k n} (0 ≤ n < 5) and {@code GET k}, 60/40, on
 * {@code --key-count} counters; the final phase reads every key. Checked per key by Jepsen's counter
 * checker: each read lies between the sum of increments acknowledged before it began and the sum of those
 * that may have happened by the time it ended. In delta-cf a standalone INCRBY is decided at apply time.
 */
public final class Counter {
    private Counter() {}

    public static Workload create(WorkloadOptions o) {
        return new Workload("counter", CounterClient::new, worker -> generator(o, worker), Counter::readAll,
                Map.of("counter", new PerKey(new CounterChecker())));
    }

    static OpGenerator generator(WorkloadOptions o, int worker) {
        Random r = Seeds.forWorker(o.seed(), worker);
        return () -> {
            long k = o.keyDist().draw(r, o.keyCount());
            return r.nextInt(10) < 6 ? new Invocation("add", (long) r.nextInt(5), k) : new Invocation("read", null, k);
        };
    }

    static List<Invocation> readAll(Set<Object> keys) {
        List<Invocation> out = new ArrayList<>();
        for (Object k : new TreeSet<>(keys)) out.add(new Invocation("read", null, k));
        return out;
    }
}
