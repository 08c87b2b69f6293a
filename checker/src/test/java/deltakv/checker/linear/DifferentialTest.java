package deltakv.checker.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.checker.Validity;
import deltakv.checker.history.Keyword;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import deltakv.checker.linear.model.CasRegisterModel;
import deltakv.checker.linear.model.DequeModel;
import deltakv.checker.linear.model.FifoQueueModel;
import deltakv.checker.linear.model.SetModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random tiny histories — mostly not linearizable — checked by the real search (with its memo, simplifications,
 * look-ahead and reductions) and by brute force; the verdicts must agree. This guards the soundness of every
 * shortcut the real search takes.
 */
class DifferentialTest {
    private static final int HISTORIES = 3_000;

    @Test
    void casRegisterAgreesWithBruteForce() {
        agree(() -> new CasRegisterModel(0L), r -> switch (r.nextInt(3)) {
            case 0 -> new Call("read", null, r.nextInt(4) == 0 ? null : (long) r.nextInt(3));
            case 1 -> {
                long v = r.nextInt(3);
                yield new Call("write", v, v);
            }
            default -> {
                List<Long> cas = List.of((long) r.nextInt(3), (long) r.nextInt(3));
                yield new Call("cas", cas, cas);
            }
        });
    }

    @Test
    void fifoQueueAgreesWithBruteForce() {
        agree(FifoQueueModel::new, r -> {
            if (r.nextBoolean()) {
                long v = r.nextInt(5);
                return new Call("enqueue", v, v);
            }
            return new Call("dequeue", null, r.nextInt(4) == 0 ? null : (long) r.nextInt(5));
        });
    }

    /** Unique values: exercises the look-ahead, which applies only to values enqueued and dequeued once. */
    @Test
    void fifoQueueWithUniqueValuesAgreesWithBruteForce() {
        long[] next = {0};
        agree(FifoQueueModel::new, r -> {
            if (r.nextInt(5) < 3) {
                long v = ++next[0];
                return new Call("enqueue", v, v);
            }
            return new Call("dequeue", null, r.nextInt(5) == 0 || next[0] == 0 ? null : next[0] - r.nextInt(3));
        });
    }

    /** Unique values with a drain now and then (markers included): the look-ahead must hold across drains too. */
    @Test
    void fifoQueueWithDrainsAgreesWithBruteForce() {
        long[] next = {0};
        agree(FifoQueueModel::new, r -> switch (r.nextInt(6)) {
            case 0, 1, 2 -> {
                long v = ++next[0];
                yield new Call("enqueue", v, v);
            }
            case 3, 4 -> new Call("dequeue", null, r.nextInt(5) == 0 || next[0] == 0 ? null : next[0] - r.nextInt(3));
            default -> new Call("drain", null, drained(r, next[0]));
        });
    }

    /** Repeated values with drains: only a value enqueued once and taken once gets a place in its drain. */
    @Test
    void fifoQueueWithRepeatedValuesAndDrainsAgreesWithBruteForce() {
        agree(FifoQueueModel::new, r -> switch (r.nextInt(6)) {
            case 0, 1, 2 -> {
                long v = r.nextInt(4);
                yield new Call("enqueue", v, v);
            }
            case 3 -> new Call("dequeue", null, r.nextInt(4) == 0 ? null : (long) r.nextInt(4));
            default -> new Call("drain", null, someOf(r, 0, 3));
        });
    }

    /**
     * Pushes at both ends with no length in the reply (as {@code --push-lengths skip} records them) and drains of
     * up to four recent elements in any order: the drains alone order the pushes (see DrainOrder).
     */
    @Test
    void dequeDrainsOrderPushesAsBruteForceDoes() {
        long[] next = {0};
        agree(DequeModel::new, r -> {
            if (r.nextInt(3) < 2) {
                long v = ++next[0];
                return new Call(r.nextBoolean() ? "lpush" : "rpush", Arrays.asList(v, null), Arrays.asList(v, null));
            }
            return new Call("drain", null, someOf(r, Math.max(1, next[0] - 3), next[0]));
        });
    }

    /** Distinct values from [lo, hi] (none if hi < lo), up to four, in random order. */
    private static List<Object> someOf(Random r, long lo, long hi) {
        List<Object> all = new ArrayList<>();
        for (long v = lo; v <= hi; v++) all.add(v);
        java.util.Collections.shuffle(all, r);
        return new ArrayList<>(all.subList(0, r.nextInt(Math.min(4, all.size()) + 1)));
    }

    @Test
    void dequeAgreesWithBruteForce() {
        agree(DequeModel::new, r -> dequeCall(r, r.nextInt(3), r.nextInt(3)));
    }

    /** Unique elements: exercises the tags (an element with one observed removal is removed by nothing else). */
    @Test
    void dequeWithUniqueValuesAgreesWithBruteForce() {
        long[] next = {0};
        agree(DequeModel::new, r -> {
            long pushed = ++next[0];
            return dequeCall(r, pushed, Math.max(1, pushed - 1 - r.nextInt(4)));
        });
    }

    /** A deque op pushing {@code pushed}, or observing {@code seen} (LRANGE and drains also see its predecessor). */
    private static Call dequeCall(Random r, long pushed, long seen) {
        return switch (r.nextInt(8)) {
            case 0, 1 -> new Call(r.nextBoolean() ? "lpush" : "rpush", Arrays.asList(pushed, null),
                    List.of(pushed, 1L + r.nextInt(2)));
            case 2, 3 -> new Call(r.nextBoolean() ? "lpop" : "rpop", null, r.nextInt(4) == 0 ? null : seen);
            case 4 -> new Call("llen", null, (long) r.nextInt(3));
            case 5 -> new Call("lrange", null, r.nextBoolean() ? List.of(seen) : List.of(seen, Math.max(0, seen - 1)));
            case 6 -> new Call("del", null, (long) r.nextInt(2));
            default -> new Call("drain", null, drained(r, seen));
        };
    }

    /** 0–2 entries, each an element near {@code e} or an :unknown marker. */
    private static List<Object> drained(Random r, long e) {
        List<Object> out = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            out.add(r.nextInt(3) == 0 ? Keyword.of("unknown") : Math.max(0, e - r.nextInt(3)));
        }
        return out;
    }

    @Test
    void setAgreesWithBruteForce() {
        agree(SetModel::new, r -> switch (r.nextInt(4)) {
            case 0 -> new Call("add", (long) r.nextInt(3), (long) r.nextInt(3));
            case 1 -> new Call("remove", (long) r.nextInt(3), (long) r.nextInt(3));
            case 2 -> {
                List<Object> c = List.of((long) r.nextInt(3), r.nextBoolean());
                yield new Call("contains", c, c);
            }
            default -> new Call("read", null, r.nextInt(3) == 0 ? List.of() : List.of((long) r.nextInt(3)));
        });
    }

    /** An operation's invocation value and its completion value if it completes ok. */
    private record Call(String f, Object invokeValue, Object okValue) {}

    private static void agree(Supplier<Model> models, Function<Random, Call> calls) {
        int invalid = 0;
        for (int seed = 0; seed < HISTORIES; seed++) {
            Random r = new Random(seed);
            List<Op> h = randomHistory(r, calls);
            if (crashedDrain(h)) continue; // not modelled: both checkers reject it
            Model model = models.get();
            boolean expected = BruteForce.linearizable(model, OpPairing.pair(h));
            Validity got = new LinearizabilityChecker(model).check(h).valid();
            assertEquals(expected ? Validity.TRUE : Validity.FALSE, got, "seed " + seed + ": " + h);
            if (!expected) invalid++;
        }
        // Both verdicts must actually occur, or the comparison proves little.
        org.junit.jupiter.api.Assertions.assertTrue(invalid > HISTORIES / 10 && invalid < HISTORIES * 9 / 10,
                "invalid histories: " + invalid);
    }

    /** 2–3 processes, 3–7 ops, random interleaving; completions ok (mostly), info or fail. */
    private static List<Op> randomHistory(Random r, Function<Random, Call> calls) {
        int processes = 2 + r.nextInt(2);
        int remaining = 3 + r.nextInt(5);
        Call[] open = new Call[processes];
        long[] pid = new long[processes];
        for (int p = 0; p < processes; p++) pid[p] = p;
        List<Op> h = new ArrayList<>();
        while (remaining > 0 || anyOpen(open)) {
            int p = r.nextInt(processes);
            if (open[p] == null) {
                if (remaining == 0) continue;
                open[p] = calls.apply(r);
                h.add(op(h, OpType.INVOKE, pid[p], open[p].f(), open[p].invokeValue()));
                remaining--;
            } else {
                int dice = r.nextInt(10);
                OpType type = dice < 7 ? OpType.OK : dice < 9 ? OpType.INFO : OpType.FAIL;
                h.add(op(h, type, pid[p], open[p].f(), type == OpType.OK ? open[p].okValue() : open[p].invokeValue()));
                if (type == OpType.INFO) pid[p] += processes;
                open[p] = null;
            }
        }
        return h;
    }

    private static boolean crashedDrain(List<Op> h) {
        return h.stream().anyMatch(o -> o.f().equals("drain") && o.type() == OpType.INFO);
    }

    private static boolean anyOpen(Call[] open) {
        for (Call c : open) if (c != null) return true;
        return false;
    }

    private static Op op(List<Op> h, OpType type, long process, String f, Object value) {
        return new Op(h.size(), h.size(), type, process, f, value, null, Map.of());
    }
}
