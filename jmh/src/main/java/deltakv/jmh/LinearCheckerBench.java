package deltakv.jmh;

/*
 * How to run (after `mvn -B -q -DskipTests package`):
 *
 *   java -Xmx2g -Ddkv.conformance=../shared/conformance -Ddkv.porcupine.etcd=/path/to/porcupine-etcd \
 *     -jar jmh/target/benchmarks.jar LinearCheckerBench -rf json \
 *     -rff results/checker-linear/linear-checker-bench.json
 *
 * dkv.porcupine.etcd is a folder with Porcupine's test_data/jepsen/etcd_NNN.log files (github.com/anishathalye/
 * porcupine) plus EXPECTED.txt, one "NNN true|false" line per log, taken from porcupine_test.go's
 * checkJepsen(t, NNN, …) calls. Either corpus is skipped (measured as empty) when its folder is absent.
 *
 * What it shows: wall time of `dkv check --model cas-register` in a warm JVM (single shot per iteration):
 *   corpus    — all Knossos cas-register histories (55 files), or all 102 Porcupine etcd histories, checked
 *               one after the other; the anchor is Go Porcupine's ~0.55 s for the 102 etcd logs here.
 *   generated — histories of simulated linearizable cas-registers, "ops:processes:keys:split" (1% crashed
 *               ops). keys > 1 with split=false checks all keys as one object (KeyedModel), the baseline for
 *               per-key P-compositionality. Each check has a 5 s budget; a shape that exceeds it is "unknown".
 * Correctness: setup checks every corpus verdict against its source; generated histories must come out valid.
 */

import deltakv.checker.CheckResult;
import deltakv.checker.Validity;
import deltakv.checker.history.Op;
import deltakv.checker.linear.Budget;
import deltakv.checker.linear.LinearizabilityChecker;
import deltakv.checker.linear.Model;
import deltakv.checker.linear.model.CasRegisterModel;
import deltakv.checker.linear.model.KeyedModel;
import deltakv.checker.linear.sim.SimulatedHistories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class LinearCheckerBench {
    private static final Duration BUDGET = Duration.ofSeconds(5);

    @State(Scope.Benchmark)
    public static class Corpus {
        @Param({"knossos-cas-register", "porcupine-etcd"})
        public String corpus;
        List<LinearHistories.Case> cases;

        @Setup
        public void load() throws Exception {
            cases = corpus.equals("knossos-cas-register")
                    ? LinearHistories.knossos(Path.of(System.getProperty("dkv.conformance", "../shared/conformance")))
                    : LinearHistories.porcupineEtcd(Path.of(System.getProperty("dkv.porcupine.etcd", "porcupine-etcd")));
            if (cases.isEmpty()) System.err.println("LinearCheckerBench: corpus " + corpus + " not found; measuring nothing");
            int mismatches = 0;
            for (LinearHistories.Case c : cases) {
                Validity v = check(c).valid();
                if (v != (c.expectedValid() ? Validity.TRUE : Validity.FALSE)) {
                    mismatches++;
                    System.err.println("LinearCheckerBench: " + c.name() + " expected " + c.expectedValid() + ", got " + v);
                }
            }
            System.err.println("LinearCheckerBench: " + corpus + ": " + cases.size() + " histories, "
                    + mismatches + " verdict mismatches");
        }

        CheckResult check(LinearHistories.Case c) {
            Object initial = corpus.equals("knossos-cas-register") ? (Object) 0L : LinearHistories.ABSENT;
            return new LinearizabilityChecker(new CasRegisterModel(initial), BUDGET).check(c.ops());
        }
    }

    @State(Scope.Benchmark)
    public static class Generated {
        @Param({"1000:5:1:split", "10000:5:1:split", "100000:5:1:split", "10000:20:1:split",
                "1000:5:16:split", "1000:5:16:nosplit", "10000:5:16:split", "10000:5:16:nosplit",
                "100000:5:16:split", "100000:5:16:nosplit", "10000:50:16:split", "10000:50:16:nosplit",
                "100000:50:16:split"})
        public String shape;
        List<Op> history;
        Model model;
        boolean split;

        @Setup
        public void generate() {
            String[] s = shape.split(":");
            int ops = Integer.parseInt(s[0]);
            int processes = Integer.parseInt(s[1]);
            int keys = Integer.parseInt(s[2]);
            split = s[3].equals("split");
            history = SimulatedHistories.registers(ops + processes + keys, processes, ops, keys, 0.01);
            model = keys == 1 ? new CasRegisterModel(0L) : new KeyedModel(new CasRegisterModel(0L));
            Validity v = check().valid();
            System.err.println("LinearCheckerBench: " + shape + " -> " + v);
            if (v == Validity.FALSE) throw new IllegalStateException("generated history judged invalid: " + shape);
        }

        CheckResult check() {
            return new LinearizabilityChecker(model, BUDGET, Budget.defaultMemoryLimit(), split).check(history);
        }
    }

    @Benchmark
    public void corpus(Corpus c, Blackhole bh) {
        for (LinearHistories.Case h : c.cases) bh.consume(c.check(h).valid());
    }

    @Benchmark
    public void generated(Generated g, Blackhole bh) {
        bh.consume(g.check().valid());
    }
}
