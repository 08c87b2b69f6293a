package deltakv.jmh;

/*
 * How to run (after `mvn -B -q -DskipTests package`):
 *
 *   for t in 1 4 16 64; do
 *     java -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 -jar jmh/target/benchmarks.jar \
 *       HotListContendedBench -t $t -rf json -rff results/jmh/hot-list-t$t.json
 *   done
 *
 * What it shows: throughput of contended RPUSH, RPUSH+LPOP and LPOP (on a list filled in the set-up) on
 * ONE hot list, in-process (no network, no Raft), for the read-modify-write baseline (rmw), the delta
 * design (delta) and apply-time pushes and pops (delta-cf), and how many optimistic-concurrency
 * conflicts each operation costs (delta-cf: none; its single-writer apply is the limit instead). The
 * operations run as the Redis commands run them (pushCommand/popCommand: delta-cf decides them when the
 * transaction is applied). The "conflicts" secondary result is a rate
 * (conflicts/s); conflicts per op = conflicts / primary score. Every transaction body invocation
 * beyond the first one of an operation is one conflict (the executor retries the whole body).
 *
 * At high thread counts some operations exceed the executor's retry budget (about 2 s) and fail with
 * TooManyConflictsException, which a Redis client sees as -TRYAGAIN: they are reported as the
 * "gaveUp" rate (they are invocations, so the primary score includes them: successful ops/s = score -
 * gaveUp).
 *
 * Correctness still holds under measurement: the teardown checks that the list length equals
 * prefill + pushes - pops done by all threads (no lost or duplicated element). A pop that found the list
 * empty (the prefill ran out) is counted as "empty", not as a pop.
 */

import deltakv.engine.EngineConfig;
import deltakv.engine.Variant;
import deltakv.engine.collections.Decided;
import deltakv.engine.collections.End;
import deltakv.engine.txn.TooManyConflictsException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Djava.util.concurrent.ForkJoinPool.common.parallelism=4", "-Xmx2g"})
public class HotListContendedBench {
    private static final byte[] KEY = "hot".getBytes(StandardCharsets.UTF_8);

    @State(Scope.Benchmark)
    public static class Engine {
        @Param({"rmw", "delta", "delta-cf"})
        public String variant;

        /** Elements pushed before measuring, for the pop-only benchmark (more than any variant pops in a trial). */
        @Param({"1500000"})
        public int prefill;

        EmbeddedEngine engine;
        final AtomicLong pushed = new AtomicLong();
        final AtomicLong popped = new AtomicLong();

        @Setup(Level.Trial)
        public void open(BenchmarkParams params) {
            EngineConfig cfg = EngineConfig.defaults(Variant.parse(variant)).withCompactionInterval(Duration.ofMillis(500));
            engine = new EmbeddedEngine(cfg);
            engine.data.compactor().ifPresent(c -> c.start());
            if (!params.getBenchmark().endsWith(".lpop")) return; // only the pop-only benchmark needs a full list
            List<byte[]> batch = java.util.Collections.nCopies(1000, ELEMENT);
            int batches = (prefill + batch.size() - 1) / batch.size();
            for (int i = 0; i < batches; i++) engine.execute(txn -> engine.data.lists().push(txn, KEY, End.RIGHT, batch));
            pushed.set((long) batches * batch.size());
        }

        @TearDown(Level.Trial)
        public void verifyAndClose() {
            long len = engine.execute(txn -> engine.data.lists().length(txn, KEY));
            long expected = pushed.get() - popped.get();
            engine.close();
            if (len != expected) {
                throw new IllegalStateException("list length " + len + " != pushes - pops " + expected);
            }
        }
    }

    /** Per-thread counters reported next to the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long conflicts;
        public long gaveUp;
        public long empty;
        long attemptsThisOp;

        @Setup(Level.Iteration)
        public void reset() {
            conflicts = 0;
            gaveUp = 0;
            empty = 0;
        }

        void startOp() {
            attemptsThisOp = 0;
        }

        void attempt() {
            attemptsThisOp++;
        }
    }

    private static final byte[] ELEMENT = "element-0123456789".getBytes(StandardCharsets.UTF_8);

    @Benchmark
    public long rpush(Engine e, Counters c) {
        Decided<Long> len = counted(c, () -> e.engine.execute(txn -> {
            c.attempt();
            return e.engine.data.lists().pushCommand(txn, KEY, End.RIGHT, List.of(ELEMENT), false);
        }));
        if (len == null) return -1;
        e.pushed.incrementAndGet();
        return ((Decided.Now<Long>) len).value();
    }

    /** One RPUSH then one LPOP per invocation: a producer/consumer pair on the hot list. */
    @Benchmark
    public int rpushLpop(Engine e, Counters c) {
        rpush(e, c);
        return lpop(e, c);
    }

    /** LPOP alone, from the list the set-up filled. */
    @Benchmark
    public int lpop(Engine e, Counters c) {
        Decided<Optional<List<byte[]>>> got = counted(c, () -> e.engine.execute(txn -> {
            c.attempt();
            return e.engine.data.lists().popCommand(txn, KEY, End.LEFT, 1);
        }));
        if (got == null) return -1;
        int n = ((Decided.Now<Optional<List<byte[]>>>) got).value().map(List::size).orElse(0);
        if (n == 0) c.empty++;
        e.popped.addAndGet(n);
        return n;
    }

    /**
     * Runs one operation; counts the body invocations beyond the first as conflicts, and an operation
     * the executor gave up on (it wrote nothing) as gaveUp instead of aborting the benchmark.
     */
    private static <T> T counted(Counters c, java.util.function.Supplier<T> op) {
        c.startOp();
        try {
            return op.get();
        } catch (TooManyConflictsException giveUp) {
            c.gaveUp++;
            return null;
        } finally {
            c.conflicts += Math.max(0, c.attemptsThisOp - 1);
        }
    }
}
