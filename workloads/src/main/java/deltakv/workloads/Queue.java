package deltakv.workloads;

import deltakv.checker.CheckOptions;
import deltakv.checker.Checker;
import deltakv.checker.jepsen.JepsenCheckers;
import deltakv.checker.linear.ModelCheckers;
import deltakv.workloads.client.ListClient;
import deltakv.workloads.gen.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code queue} (HARNESS.md §3): {@code :enqueue v} → {@code RPUSH q v} and {@code :dequeue} → {@code LPOP q}
 * on {@code --key-count} queues (few: contention is the point), half and half. The final phase drains
 * every queue. Checked by total-queue (nothing lost beyond what crashed dequeues could have taken, nothing
 * duplicated or unexpected) and by fifo-queue linearizability per key, the drain included.
 */
public final class Queue {
    private Queue() {}

    public static Workload create(WorkloadOptions o) {
        CheckOptions check = new CheckOptions(o.consistencyModels(), o.checkTimeLimitSeconds(), null, null);
        Map<String, Checker> checkers = new LinkedHashMap<>();
        checkers.put("total-queue", JepsenCheckers.create("queue", check));
        checkers.put("linear", ModelCheckers.create("fifo-queue", check));
        return new Workload("queue", ListClient::new, worker -> generator(o, worker), Queue::drainAll, checkers);
    }

    static OpGenerator generator(WorkloadOptions o, int worker) {
        Random r = Seeds.forWorker(o.seed(), worker);
        long[] next = {WorkloadOptions.valueBase(worker)};
        return () -> {
            long k = o.keyDist().draw(r, o.keyCount());
            return r.nextBoolean() ? new Invocation("enqueue", ++next[0], k) : new Invocation("dequeue", null, k);
        };
    }

    /** One drain per queue used, in key order. */
    static List<Invocation> drainAll(Set<Object> keys) {
        List<Invocation> out = new ArrayList<>();
        for (Object k : new TreeSet<>(keys)) out.add(new Invocation("drain", null, k));
        return out;
    }
}
