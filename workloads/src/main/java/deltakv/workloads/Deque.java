package deltakv.workloads;

import deltakv.checker.CheckOptions;
import deltakv.checker.Checker;
import deltakv.checker.history.Op;
import deltakv.checker.linear.ModelCheckers;
import deltakv.workloads.client.ListClient;
import deltakv.workloads.gen.KeyRotation;
import deltakv.workloads.gen.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code deque} (HARNESS.md §3): LPUSH/RPUSH/LPOP/RPOP/LLEN/LRANGE 0 -1/DEL on a few keys, one command per
 * op (every 4th alone inside MULTI/EXEC). Keys retire after about max-writes-per-key pushes, so each key's history stays small enough for
 * the linearizability search. The final phase reads every key used. Checked per key against the
 * {@code deque} model (a list with both ends, its length and DEL).
 */
public final class Deque {
    /** Op mix, in percent: pushes 40, pops 30, LLEN 10, LRANGE 15, DEL 5. */
    private static final String[] OPS = {"lpush", "rpush", "lpop", "rpop", "llen", "lrange", "del"};
    private static final int[] WEIGHTS = {20, 20, 15, 15, 10, 15, 5};
    /** Every 4th op of a worker goes alone inside MULTI/EXEC: the same model must hold for it. */
    private static final int MULTI_EVERY = 4;

    private Deque() {}

    public static Workload create(WorkloadOptions o) {
        CheckOptions check = new CheckOptions(o.consistencyModels(), o.checkTimeLimitSeconds(), null, null);
        Checker linear = ModelCheckers.create("deque", check);
        if (!o.checkPushLengths()) {
            Checker model = linear;
            linear = history -> model.check(history.stream().map(Deque::withoutPushLength).toList());
        }
        return new Workload("deque", conn -> new ListClient(conn, MULTI_EVERY), worker -> generator(o, worker), Deque::readAll,
                Map.of("linear", linear));
    }

    /** A push as the model sees it under {@code --push-lengths skip}: {@code [e nil]}, its reply left unchecked. */
    static Op withoutPushLength(Op op) {
        if (!(op.f() != null && op.f().endsWith("push") && op.value() instanceof List<?> p && p.size() == 2)) return op;
        return new Op(op.index(), op.time(), op.type(), op.process(), op.f(), Arrays.asList(p.get(0), null), op.error(), op.extra());
    }

    static OpGenerator generator(WorkloadOptions o, int worker) {
        Random r = Seeds.forWorker(o.seed(), worker);
        KeyRotation keys = new KeyRotation(o.keyCount(), o.keyDist(), o.maxWritesPerKey(), o.concurrency());
        long[] next = {WorkloadOptions.valueBase(worker)};
        return () -> {
            long k = keys.pick(r);
            String f = pick(r);
            if (f.endsWith("push")) {
                keys.wrote(k);
                return new Invocation(f, Arrays.asList(++next[0], null), k);
            }
            return new Invocation(f, null, k);
        };
    }

    private static String pick(Random r) {
        int x = r.nextInt(100);
        for (int i = 0; i < OPS.length; i++) {
            if ((x -= WEIGHTS[i]) < 0) return OPS[i];
        }
        return OPS[OPS.length - 1];
    }

    /** An LRANGE of every key used, in key order. */
    static List<Invocation> readAll(Set<Object> keys) {
        List<Invocation> out = new ArrayList<>();
        for (Object k : new TreeSet<>(keys)) out.add(new Invocation("lrange", null, k));
        return out;
    }
}
