package deltakv.jmh;

/*
 * How to run (after `mvn -B -q -DskipTests package`):
 *
 *   java -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 -jar jmh/target/benchmarks.jar \
 *     MetaReadLatencyBench -rf json -rff results/jmh/meta-read-latency.json
 *
 * What it shows: latency of LLEN and LRANGE 0 99 on a 300-element list carrying 0, 10, 64 and 256
 * unfolded deltas (the compactor is off, so each read sums them), against the rmw baseline twin
 * (which has no deltas). DELTA_DESIGN §8 claims resolve-meta < 100 µs at 64 deltas and < 500 µs at 256.
 * The hard limit is raised above 256 here so that 256 deltas are read rather than compacted away.
 * Correctness: the setup checks LLEN and the LRANGE contents before measuring.
 */

import deltakv.engine.EngineConfig;
import deltakv.engine.Variant;
import deltakv.engine.collections.End;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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

@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Djava.util.concurrent.ForkJoinPool.common.parallelism=4", "-Xmx2g"})
@State(Scope.Benchmark)
public class MetaReadLatencyBench {
    private static final byte[] KEY = "list".getBytes(StandardCharsets.UTF_8);
    private static final int BASE_ELEMENTS = 300;

    @Param({"rmw", "delta"})
    public String variant;

    @Param({"0", "10", "64", "256"})
    public int deltas;

    private EmbeddedEngine engine;

    @Setup(Level.Trial)
    public void build() {
        Variant v = Variant.parse(variant);
        EngineConfig d = EngineConfig.defaults(v);
        // Compactor never started; hard limit above the largest delta count measured.
        EngineConfig cfg = new EngineConfig(v, Set.of(), 1 << 20, 1 << 20, d.maxKeysPerCompactionTx(),
                d.maxKeysPerTick(), Duration.ofDays(1), d.claimScanWindow());
        engine = new EmbeddedEngine(cfg);
        int seed = BASE_ELEMENTS - deltas;
        List<byte[]> first = new ArrayList<>();
        for (int i = 0; i < seed; i++) first.add(("e" + i).getBytes(StandardCharsets.UTF_8));
        if (!first.isEmpty()) engine.execute(txn -> engine.data.lists().push(txn, KEY, End.RIGHT, first));
        engine.data.compactor().ifPresent(c -> c.compactNow(KEY)); // fold the seed push into base meta
        for (int i = seed; i < BASE_ELEMENTS; i++) {
            byte[] e = ("e" + i).getBytes(StandardCharsets.UTF_8);
            engine.execute(txn -> engine.data.lists().push(txn, KEY, End.RIGHT, List.of(e))); // one delta each
        }
        if (llen() != BASE_ELEMENTS) throw new IllegalStateException("LLEN " + llen());
        List<byte[]> r = lrange();
        if (r.size() != 100 || !new String(r.get(99), StandardCharsets.UTF_8).equals("e99")) {
            throw new IllegalStateException("LRANGE 0 99 returned " + r.size() + " elements");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    @Benchmark
    public long llen() {
        return engine.execute(txn -> engine.data.lists().length(txn, KEY));
    }

    @Benchmark
    public List<byte[]> lrange() {
        return engine.execute(txn -> engine.data.lists().range(txn, KEY, 0, 99));
    }
}
