package deltakv.jmh;

/*
 * How to run (after `mvn -B -q -o -DskipTests -pl jmh -am package`):
 *
 *   java -cp jmh/target/benchmarks.jar deltakv.jmh.HotListProbe [threads] [seconds]
 *
 * What it shows: where contended RPUSH and RPUSH+LPOP on one hot list spend their work, per variant, in
 * the same setting as HotListContendedBench (compactor ticking every 500 ms): operations, process CPU
 * time per operation (all threads, compactor included; steadier than ops/s on a shared machine), body attempts
 * per operation (conflict retries), data-layer entries scanned per attempt, and the compactor's
 * background vs hard-limit (synchronous) compactions.
 */

import deltakv.engine.EngineConfig;
import deltakv.engine.Variant;
import deltakv.engine.collections.CompactorStats;
import deltakv.engine.collections.End;
import deltakv.engine.collections.ListStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

public final class HotListProbe {
    private static final byte[] KEY = "hot".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ELEMENT = "element-0123456789".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws InterruptedException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (boolean withPop : new boolean[] {false, true}) {
            for (String v : List.of("rmw", "delta")) run(Variant.parse(v), withPop, threads, seconds);
        }
    }

    /** Nudged compactions, where the engine has them (read reflectively so the probe runs on older builds). */
    private static long nudged(Object compactor) {
        try {
            return (long) compactor.getClass().getMethod("nudgedCompactions").invoke(compactor);
        } catch (ReflectiveOperationException e) {
            return -1;
        }
    }

    private static void run(Variant v, boolean withPop, int threads, int seconds) throws InterruptedException {
        EngineConfig cfg = EngineConfig.defaults(v).withCompactionInterval(Duration.ofMillis(500));
        try (EmbeddedEngine e = new EmbeddedEngine(cfg)) {
            e.data.compactor().ifPresent(c -> c.start());
            ListStore lists = e.data.lists();
            AtomicLong ops = new AtomicLong(), attempts = new AtomicLong(), scanned = new AtomicLong();
            AtomicLong pushed = new AtomicLong(), popped = new AtomicLong();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> ts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(() -> {
                    CountingTxn.Counts c = new CountingTxn.Counts();
                    while (System.nanoTime() < end) {
                        e.execute(txn -> {
                            attempts.incrementAndGet();
                            return lists.push(new CountingTxn(txn, c), KEY, End.RIGHT, List.of(ELEMENT));
                        });
                        pushed.incrementAndGet();
                        ops.incrementAndGet();
                        if (withPop) {
                            int got = e.execute(txn -> {
                                attempts.incrementAndGet();
                                return lists.pop(new CountingTxn(txn, c), KEY, End.LEFT, 1).size();
                            });
                            popped.addAndGet(got);
                            ops.incrementAndGet();
                        }
                    }
                    scanned.addAndGet(c.scanned);
                });
                ts.add(t);
                t.start();
            }
            for (Thread t : ts) t.join();
            double cpuPerOp = (os.getProcessCpuTime() - cpu0) / 1000.0 / ops.get();
            long len = e.execute(txn -> lists.length(txn, KEY));
            if (len != pushed.get() - popped.get()) throw new IllegalStateException("length " + len + " != pushes - pops");
            String stats = e.data.compactor().map(c -> {
                CompactorStats s = c.stats();
                return String.format("ticks=%d compactions=%d sync=%d nudged=%d folded=%d", s.ticks(), s.keysCompacted(),
                        s.syncCompactions(), nudged(c), s.deltasFolded());
            }).orElse("");
            System.out.printf("%-5s %-10s ops/s=%8.0f cpu-us/op=%7.1f attempts/op=%5.2f entries/attempt=%6.1f %s%n",
                    v.cliName(), withPop ? "rpush+lpop" : "rpush", ops.get() / (double) seconds, cpuPerOp,
                    attempts.get() / (double) ops.get(), scanned.get() / (double) attempts.get(), stats);
        }
    }
}
