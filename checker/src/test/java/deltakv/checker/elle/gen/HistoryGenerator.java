package deltakv.checker.elle.gen;

import deltakv.checker.history.Keyword;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded simulation of a strictly serializable store, producing valid list-append or rw-register
 * histories: {@code concurrency} clients invoke transactions over a rotating set of keys; each
 * transaction takes effect atomically at its completion event (inside its invoke–complete interval, so
 * the history is strictly serializable). Some complete as :fail (no effect) or :info (effect or not, at
 * random; the client then crashes and a fresh process takes over, as in Jepsen).
 */
public final class HistoryGenerator {
    public enum Workload { LIST_APPEND, RW_REGISTER }

    /** Generation knobs; defaults resemble a small Jepsen run. */
    public record Config(Workload workload, long seed, int txns, int concurrency, int keyCount, int maxTxnLength,
                         int maxWritesPerKey, double pFail, double pInfo, double pStale) {
        public static Config of(Workload w, long seed, int txns) {
            return new Config(w, seed, txns, 10, 8, 4, 64, 0.05, 0.02, 0);
        }

        /** A buggy store: a fraction of list reads miss the latest appends (a lagging replica). */
        public Config withStaleReads(double p) {
            return new Config(workload, seed, txns, concurrency, keyCount, maxTxnLength, maxWritesPerKey, pFail, pInfo, p);
        }
    }

    private static final Keyword APPEND = Keyword.of("append");
    private static final Keyword R = Keyword.of("r");
    private static final Keyword W = Keyword.of("w");

    private final Config cfg;
    private final SplittableRandom rnd;
    private final Map<Long, List<Long>> lists = new HashMap<>();
    private final Map<Long, Long> registers = new HashMap<>();
    private final long[] activeKeys;
    private final int[] writesPerKey;
    private long nextKey;
    private long nextValue = 1;
    private final List<Op> ops = new ArrayList<>();
    private long time;

    private HistoryGenerator(Config cfg) {
        this.cfg = cfg;
        this.rnd = new SplittableRandom(cfg.seed());
        this.activeKeys = new long[cfg.keyCount()];
        this.writesPerKey = new int[cfg.keyCount()];
        for (int i = 0; i < activeKeys.length; i++) {
            activeKeys[i] = nextKey++;
        }
    }

    public static List<Op> generate(Config cfg) {
        return new HistoryGenerator(cfg).run();
    }

    private record Pending(long process, List<Object> invoked) {}

    private List<Op> run() {
        List<Pending> running = new ArrayList<>();
        long[] processOf = new long[cfg.concurrency()];
        for (int i = 0; i < processOf.length; i++) {
            processOf[i] = i;
        }
        boolean[] busy = new boolean[cfg.concurrency()];
        int started = 0;
        while (started < cfg.txns() || !running.isEmpty()) {
            boolean canStart = started < cfg.txns() && running.size() < cfg.concurrency();
            if (canStart && (running.isEmpty() || rnd.nextInt(2) == 0)) {
                int slot = freeSlot(busy);
                busy[slot] = true;
                Pending p = new Pending(processOf[slot], txn());
                running.add(p);
                emit(OpType.INVOKE, p.process(), p.invoked());
                started++;
            } else {
                Pending p = running.remove(rnd.nextInt(running.size()));
                int slot = (int) (p.process() % cfg.concurrency());
                busy[slot] = false;
                double x = rnd.nextDouble();
                if (x < cfg.pFail()) {
                    emit(OpType.FAIL, p.process(), p.invoked());
                } else if (x < cfg.pFail() + cfg.pInfo()) {
                    if (rnd.nextBoolean()) {
                        apply(p.invoked());
                    }
                    emit(OpType.INFO, p.process(), p.invoked());
                    processOf[slot] += cfg.concurrency(); // the crashed client's successor
                } else {
                    emit(OpType.OK, p.process(), apply(p.invoked()));
                }
            }
        }
        return ops;
    }

    private static int freeSlot(boolean[] busy) {
        for (int i = 0; i < busy.length; i++) {
            if (!busy[i]) {
                return i;
            }
        }
        throw new IllegalStateException("no free client");
    }

    private void emit(OpType type, long process, List<Object> value) {
        time += 1 + rnd.nextInt(1_000_000);
        ops.add(new Op(ops.size(), time, type, process, "txn", value, null, Map.of()));
    }

    private List<Object> txn() {
        int n = 1 + rnd.nextInt(cfg.maxTxnLength());
        List<Object> mops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int ki = rnd.nextInt(activeKeys.length);
            if (rnd.nextBoolean()) {
                mops.add(mop(R, activeKeys[ki], null));
            } else {
                if (++writesPerKey[ki] > cfg.maxWritesPerKey()) {
                    activeKeys[ki] = nextKey++; // retire the key: lists stay short, like Elle's generator
                    writesPerKey[ki] = 1;
                }
                mops.add(mop(cfg.workload() == Workload.LIST_APPEND ? APPEND : W, activeKeys[ki], nextValue++));
            }
        }
        return mops;
    }

    /** Applies the transaction atomically and returns its completed value (reads filled in). */
    private List<Object> apply(List<Object> invoked) {
        List<Object> done = new ArrayList<>(invoked.size());
        for (Object o : invoked) {
            List<?> m = (List<?>) o;
            Long k = (Long) m.get(1);
            if (m.get(0) == R) {
                Object v;
                if (cfg.workload() == Workload.LIST_APPEND) {
                    List<Long> l = lists.getOrDefault(k, List.of());
                    int n = l.size();
                    if (n > 0 && rnd.nextDouble() < cfg.pStale()) {
                        n -= 1 + rnd.nextInt(Math.min(n, 3));
                    }
                    v = List.copyOf(l.subList(0, n));
                } else {
                    v = registers.get(k);
                }
                done.add(mop(R, k, v));
            } else {
                if (cfg.workload() == Workload.LIST_APPEND) {
                    lists.computeIfAbsent(k, x -> new ArrayList<>()).add((Long) m.get(2));
                } else {
                    registers.put(k, (Long) m.get(2));
                }
                done.add(o);
            }
        }
        return done;
    }

    static List<Object> mop(Keyword f, Object k, Object v) {
        List<Object> l = new ArrayList<>(3);
        l.add(f);
        l.add(k);
        l.add(v);
        return l;
    }
}
