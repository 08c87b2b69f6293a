package deltakv.jmh;

/*
 * How to run (after `mvn -B -q -DskipTests package`):
 *
 *   for t in 1 4 16 64; do
 *     java -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 -jar jmh/target/benchmarks.jar \
 *       HotCollectionContendedBench -t $t -rf json -rff results/jmh/hot-collection-t$t.json
 *   done
 *
 * What it shows: throughput of contended HSET (a new field each time), SADD (a new member) and ZADD (a new
 * member) on ONE hot key, in-process (no network, no Raft), for the read-modify-write baseline (rmw: hash
 * and set are one blob, the sorted set keeps one Len record), the delta design (delta: wide column + Len
 * deltas) and delta-cf (as delta for these types), with the optimistic-concurrency conflicts each costs.
 * The design's claim (DELTA_DESIGN §7): writers of distinct fields have no metadata conflicts in the delta
 * layouts, so conflicts per op stay 0 however many threads write. The operations run through the Redis
 * command table (type tag, WRONGTYPE checks and all). "conflicts" is a rate (conflicts/s); conflicts per
 * op = conflicts / primary score; "gaveUp" counts ops the executor gave up on (-TRYAGAIN for a client).
 *
 * Correctness still holds under measurement: the teardown checks HLEN / SCARD / ZCARD against the number of
 * new fields and members added by all threads (nothing lost, nothing counted twice).
 */

import deltakv.engine.EngineConfig;
import deltakv.engine.Variant;
import deltakv.engine.redis.CommandSpec;
import deltakv.engine.redis.Reply;
import deltakv.engine.redis.commands.DataCommands;
import deltakv.engine.txn.TooManyConflictsException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Djava.util.concurrent.ForkJoinPool.common.parallelism=4", "-Xmx2g"})
public class HotCollectionContendedBench {
    private static final byte[] VALUE = "value-0123456789".getBytes(StandardCharsets.UTF_8);

    @State(Scope.Benchmark)
    public static class Engine {
        @Param({"rmw", "delta", "delta-cf"})
        public String variant;

        EmbeddedEngine engine;
        Map<String, CommandSpec> commands;
        final AtomicLong added = new AtomicLong();
        final AtomicLong ids = new AtomicLong();

        @Setup(Level.Trial)
        public void open() {
            EngineConfig cfg = EngineConfig.defaults(Variant.parse(variant)).withCompactionInterval(Duration.ofMillis(500));
            engine = new EmbeddedEngine(cfg);
            engine.data.compactor().ifPresent(c -> c.start());
            commands = DataCommands.table(engine.data);
        }

        @TearDown(Level.Trial)
        public void verifyAndClose() {
            long total = 0;
            for (String[] card : new String[][] {{"hlen", "h"}, {"scard", "s"}, {"zcard", "z"}}) {
                Reply r = engine.execute(t -> commands.get(card[0]).handler().execute(t, List.of(b(card[0]), b(card[1]))));
                total += ((Reply.Int) r).value();
            }
            engine.close();
            if (total != added.get()) throw new IllegalStateException("HLEN+SCARD+ZCARD " + total + " != new fields added " + added.get());
        }
    }

    /** Per-thread counters reported next to the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long conflicts;
        public long gaveUp;
        long attemptsThisOp;

        @Setup(Level.Iteration)
        public void reset() {
            conflicts = 0;
            gaveUp = 0;
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public Reply hset(Engine e, Counters c) {
        return run(e, c, "hset", b("h"), b("f" + e.ids.incrementAndGet()), VALUE);
    }

    @Benchmark
    public Reply sadd(Engine e, Counters c) {
        return run(e, c, "sadd", b("s"), b("m" + e.ids.incrementAndGet()));
    }

    @Benchmark
    public Reply zadd(Engine e, Counters c) {
        long id = e.ids.incrementAndGet();
        return run(e, c, "zadd", b("z"), b(Long.toString(id % 1000)), b("m" + id));
    }

    /** One command in its own transaction; body invocations beyond the first count as conflicts. */
    private static Reply run(Engine e, Counters c, String name, byte[]... args) {
        List<byte[]> argv = new java.util.ArrayList<>();
        argv.add(b(name));
        argv.addAll(List.of(args));
        CommandSpec spec = e.commands.get(name);
        c.attemptsThisOp = 0;
        try {
            Reply r = e.engine.execute(t -> {
                c.attemptsThisOp++;
                return spec.handler().execute(t, argv);
            });
            if (r instanceof Reply.Int n) e.added.addAndGet(n.value());
            return r;
        } catch (TooManyConflictsException giveUp) {
            c.gaveUp++;
            return null;
        } finally {
            c.conflicts += Math.max(0, c.attemptsThisOp - 1);
        }
    }
}
