package deltakv.runner.bench;

import deltakv.checker.history.OpType;
import deltakv.nemesis.cluster.RedisServerProcess;
import deltakv.runner.TestOptions;
import deltakv.runner.TestRun;
import deltakv.runner.store.Json;
import deltakv.runner.store.RunDir;
import deltakv.workloads.Client;
import deltakv.workloads.OpGenerator;
import deltakv.workloads.Workload;
import deltakv.workloads.Workloads;
import deltakv.workloads.client.Connection;
import deltakv.workloads.gen.KeyDist;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Is the harness the bottleneck? (HARNESS.md §6, issue "Harness I".)
 *
 * <p>How to run: {@code scripts/bench-harness.sh} (builds, then
 * {@code java -cp cli/target/dkv.jar deltakv.runner.bench.HarnessOverhead [--seconds 10] [--workers 64] [--out FILE]}).
 *
 * <p>What it shows, in one run on one machine: against one real redis-server, 64 workers with no rate
 * limit, the ok ops/s of {@code dkv test} (generator + Jedis client + every op recorded in history.edn)
 * next to bare clients that send the same commands through the same workload client and record nothing
 * (the baseline twin; goal: harness ≥ 50%), measured twice, alternating; the check time of the harness's
 * history; then the same harness run against a local 3-node cluster of each variant ({@code rmw},
 * {@code delta}). Every harness run must still be valid: a fast wrong harness measures nothing.
 */
public final class HarnessOverhead {
    private HarnessOverhead() {}

    public static void main(String[] args) throws Exception {
        int seconds = 10;
        int workers = 64;
        String workload = "list-append";
        Path out = Path.of("results/harness-overhead.json");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--workers" -> workers = Integer.parseInt(args[i + 1]);
                case "--workload" -> workload = args[i + 1];
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path store = Files.createTempDirectory("dkv-bench-store");
        List<Map<String, Object>> rows = new ArrayList<>();
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            String endpoint = "127.0.0.1:" + redis.port();
            for (int round = 1; round <= 2; round++) {
                double bare = bare(workload, redis.port(), workers, seconds, round);
                rows.add(row("redis-server", "bare-clients", round, bare, null, null));
                System.out.printf("round %d  bare clients     %,10.0f ok/s%n", round, bare);
                Map<String, Object> h = harness(workload, List.of(endpoint), "delta", workers, seconds, store, round);
                rows.add(h);
                System.out.printf("round %d  harness          %,10.0f ok/s  (%.0f%% of bare)  check %.1f s  valid? %s%n", round,
                        (double) h.get("ok-per-second"), 100 * (double) h.get("ok-per-second") / bare,
                        (double) h.get("check-seconds"), h.get("valid?"));
                h.put("ratio-to-bare", Math.round(1000 * (double) h.get("ok-per-second") / bare) / 1000.0);
            }
        }
        for (String variant : List.of("rmw", "delta")) {
            Map<String, Object> h = harness(workload, List.of(), variant, workers, seconds, store, 1);
            rows.add(h);
            System.out.printf("3-node %-6s   harness          %,10.0f ok/s  check %.1f s  valid? %s%n", variant,
                    (double) h.get("ok-per-second"), (double) h.get("check-seconds"), h.get("valid?"));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "harness-overhead");
        doc.put("when", Instant.now().toString());
        doc.put("command", "scripts/bench-harness.sh --seconds " + seconds + " --workers " + workers + " --workload " + workload);
        doc.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name"));
        doc.put("rows", rows);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Json.write(out, doc);
        System.out.println("written " + out);
    }

    /** The baseline twin: the same generator and client, no pacing, no history. */
    static double bare(String workloadName, int port, int workers, int seconds, int round) throws InterruptedException {
        Workload w = Workloads.create(workloadName, options(workloadName, workers, seconds, List.of("x"), "delta",
                Path.of("unused"), 1000 + round).workloadOptions());
        LongAdder ok = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        String prefix = "bare" + round + ":";
        for (int i = 0; i < workers; i++) {
            OpGenerator gen = w.generator().apply(i);
            Client c = w.client().open(new Connection("redis", "127.0.0.1", port, prefix, 12_000));
            Thread t = new Thread(() -> {
                try (c) {
                    while (!stop.get()) if (c.invoke(gen.next()).type() == OpType.OK) ok.increment();
                }
            });
            threads.add(t);
        }
        long t0 = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) t.join();
        return ok.sum() / ((System.nanoTime() - t0) / 1e9);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> harness(String workload, List<String> connect, String variant, int workers, int seconds,
                                       Path store, int round) throws Exception {
        TestOptions o = options(workload, workers, seconds, connect, variant, store, 2000 + round);
        long t0 = System.nanoTime();
        TestRun.Result r = TestRun.run(o, new PrintStream(OutputStream.nullOutputStream()));
        double total = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> results = Json.read(r.runDir().resolve(RunDir.RESULTS_JSON));
        Map<String, Object> perf = (Map<String, Object>) results.get("perf");
        double check = 0;
        for (Object v : results.values()) {
            if (v instanceof Map<?, ?> m && m.get("check-seconds") instanceof Number n) check += n.doubleValue();
        }
        long ops = Files.lines(r.runDir().resolve("history.edn")).count();
        return row(connect.isEmpty() ? "3-node " + variant : "redis-server", "harness", round,
                ((Number) perf.get("ok-per-second")).doubleValue(), check, results.get("valid?"))
                .withExtra("history-ops", ops).withExtra("run-seconds", Math.round(total * 10) / 10.0)
                .withExtra("run-dir", r.runDir().toString());
    }

    static TestOptions options(String workload, int workers, int seconds, List<String> connect, String variant, Path store,
                               long seed) {
        return new TestOptions(workload, "none", 10, List.of(), seconds, 3, workers, 0, variant, List.of(), "delta", 8,
                KeyDist.UNIFORM, 4, 64, 12, List.of("strict-serializable"), true, seed, store, null, false, false, connect);
    }

    private static Row row(String target, String kind, int round, double okPerSecond, Double check, Object valid) {
        Row m = new Row();
        m.put("target", target);
        m.put("kind", kind);
        m.put("round", round);
        m.put("ok-per-second", Math.round(okPerSecond * 10) / 10.0);
        if (check != null) m.put("check-seconds", check);
        if (valid != null) m.put("valid?", valid);
        return m;
    }

    private static final class Row extends LinkedHashMap<String, Object> {
        Row withExtra(String k, Object v) {
            put(k, v);
            return this;
        }
    }
}
