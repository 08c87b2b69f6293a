package deltakv.checker.linear.sim;

import deltakv.checker.history.Keyword;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates linearizable histories by running simulated clients against an atomic object: each op is invoked,
 * takes effect at one random later instant, then completes — or crashes (:info) before or after taking effect,
 * after which its client continues under a new process id, as in Jepsen. Used by property tests and benchmarks.
 */
public final class SimulatedHistories {
    private SimulatedHistories() {}

    /** cas-register histories (initial value 0); with {@code keys > 1} each op carries a {@code :key}. */
    public static List<Op> registers(long seed, int processes, int ops, int keys, double crashRate) {
        return run(new SimulatedRegisters(keys), seed, processes, ops, crashRate);
    }

    /** FIFO queue histories (enqueue / dequeue, nil on empty). */
    public static List<Op> queue(long seed, int processes, int ops, double crashRate) {
        return run(new SimulatedQueue(), seed, processes, ops, crashRate);
    }

    /**
     * Deque histories (see {@link SimulatedDeque}) ending, as the harness's final phase does, with one
     * {@code :drain} per key after everything else has completed; {@code unknownRate} of its LPOPs are
     * {@code :unknown}.
     */
    public static List<Op> deque(long seed, int processes, int ops, int keys, double crashRate, double unknownRate) {
        SimulatedDeque deque = new SimulatedDeque(keys);
        List<Op> history = run(deque, seed, processes, ops, crashRate);
        Random random = new Random(seed + 1);
        long process = history.stream().mapToLong(o -> (Long) o.process()).max().orElse(0) + 1;
        for (Object key : deque.keys()) {
            add(history, OpType.INVOKE, process, "drain", null, key);
            add(history, OpType.OK, process, "drain", deque.drain(key, random, unknownRate), key);
        }
        return history;
    }

    private static final class Client {
        long process;
        SimulatedObject.Call call;
        SimulatedObject.Completion result;
        boolean applied;
        boolean failed;

        Client(long process) {
            this.process = process;
        }
    }

    static List<Op> run(SimulatedObject object, long seed, int processes, int ops, double crashRate) {
        Random random = new Random(seed);
        List<Op> history = new ArrayList<>(ops * 2);
        List<Client> clients = new ArrayList<>();
        for (int p = 0; p < processes; p++) clients.add(new Client(p));
        int invoked = 0;
        int busy = 0;
        while (invoked < ops || busy > 0) {
            Client c = clients.get(random.nextInt(processes));
            if (c.call == null) {
                if (invoked >= ops) continue;
                c.call = object.next(random);
                c.applied = false;
                c.failed = false;
                emit(history, OpType.INVOKE, c, c.call.value());
                invoked++;
                busy++;
            } else if (!c.applied && random.nextDouble() < crashRate / 2) {
                finish(history, c, OpType.INFO, c.call.value(), processes); // crashed, never took effect
                busy--;
            } else if (!c.applied) {
                c.result = object.apply(c.call);
                c.failed = c.result == null;
                c.applied = true;
            } else {
                boolean crash = random.nextDouble() < crashRate / 2;
                OpType type = crash ? OpType.INFO : c.failed ? OpType.FAIL : OpType.OK;
                finish(history, c, type, crash || c.failed ? c.call.value() : c.result.value(), processes);
                busy--;
            }
        }
        return history;
    }

    private static void finish(List<Op> history, Client c, OpType type, Object value, int processes) {
        emit(history, type, c, value);
        c.call = null;
        if (type == OpType.INFO) c.process += processes;
    }

    private static void emit(List<Op> history, OpType type, Client c, Object value) {
        add(history, type, c.process, c.call.f(), value, c.call.key());
    }

    private static void add(List<Op> history, OpType type, long process, String f, Object value, Object key) {
        Map<Object, Object> extra = key == null ? Map.of() : Map.of(Keyword.of("key"), key);
        long i = history.size();
        history.add(new Op(i, i * 1000, type, process, f, value, null, extra));
    }
}
