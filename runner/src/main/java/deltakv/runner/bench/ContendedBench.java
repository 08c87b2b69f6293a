package deltakv.runner.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import deltakv.nemesis.cluster.ClusterLayout;
import deltakv.nemesis.cluster.LocalCluster;
import deltakv.nemesis.cluster.NodeJvmArgs;
import deltakv.nemesis.cluster.RedisServerProcess;
import deltakv.workloads.bench.BenchOp;
import deltakv.workloads.bench.ContendedLoad;
import deltakv.workloads.bench.LoadPoint;
import deltakv.workloads.bench.LoadResult;
import deltakv.workloads.bench.ServerCounters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dkv bench contended}: every (op, keys, clients) point against one real redis-server (the
 * reference) and against a fresh local cluster of each variant, {@code --repeat} times; one row per point
 * and repeat with ops/s, its ratio to the same repeat's reference point, p50/p99, conflicts per op, error
 * replies and the end check. Writes the rows as JSON and {@code bench.png} next to them.
 *
 * <p>Each repeat measures the reference first, then each variant on its own fresh cluster: a repeat's
 * points share one stretch of the machine's day, which is what the ratios rely on.
 */
public final class ContendedBench {
    /** A reference point needs no JIT warm-up on the server side; the client's is covered by this. */
    private static final double REFERENCE_WARMUP_SECONDS = 5;
    /** Pops per second the prefill of an lpop point must cover (warm-up included): above what any measured. */
    private static final double REFERENCE_POP_RATE = 60_000;
    private static final double CLUSTER_POP_RATE = 12_000;
    /** One step of the settling load. */
    private static final double SETTLE_STEP_SECONDS = 5;
    /** JIT below this (cores, summed over the nodes) counts as quiet: a few methods a second. */
    private static final double QUIET_JIT_CORES = 0.05;

    private final BenchOptions o;
    private final PrintWriter out;

    public ContendedBench(BenchOptions options, PrintWriter out) {
        this.o = options;
        this.out = out;
    }

    /** Runs every point; returns the rows (also written to {@code --out}). */
    public List<Map<String, Object>> run() throws IOException, InterruptedException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 1; r <= o.repeat(); r++) {
            if (o.reference().equals("redis-server")) reference(rows, r);
            for (String label : labels()) cluster(rows, label, r);
        }
        ratios(rows);
        write(rows);
        return rows;
    }

    private List<String> labels() {
        List<String> runs = new ArrayList<>();
        for (String v : o.variants()) {
            if (!o.proxies().equals("on")) runs.add(v);
            if (!o.proxies().equals("off")) runs.add(v + "+proxies");
        }
        return runs;
    }

    private void reference(List<Map<String, Object>> rows, int repeat) throws IOException, InterruptedException {
        String name = "redis-server";
        if (RedisServerProcess.binary() == null) {
            rows.add(Map.of("variant", name, "reference", true, "repeat", repeat, "error", "redis-server not found on PATH"));
            out.printf("%-14s not measured: not found on PATH (scripts/install-test-deps.sh installs it)%n", name);
            return;
        }
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            int n = 0;
            for (BenchOp op : o.ops()) {
                for (int k : o.keys()) {
                    for (int c : o.clientsFor(op)) {
                        double warm = Math.min(o.warmup(), REFERENCE_WARMUP_SECONDS);
                        LoadPoint p = point(op, c, k, warm, "ref" + repeat + "-" + (n++), REFERENCE_POP_RATE);
                        ServerCpu cpu = ServerCpu.read(List.of(redis.pid()));
                        LoadResult res = ContendedLoad.run(List.of(redis.port()), p);
                        Map<String, Object> row = row(name, "one process", repeat, res, null, null,
                                ServerCpu.read(List.of(redis.pid())).microsPerOp(cpu, pointOps(res, p)));
                        row.put("reference", true);
                        rows.add(row);
                        print(row);
                    }
                }
            }
        }
    }

    private void cluster(List<Map<String, Object>> rows, String label, int repeat) throws IOException, InterruptedException {
        boolean proxied = label.endsWith("+proxies");
        String v = proxied ? label.substring(0, label.length() - "+proxies".length()) : label;
        ClusterLayout layout = new ClusterLayout(o.dir().resolve(proxied ? v + "-proxied" : v), o.nodes(), o.basePort(), v,
                List.of(), proxied);
        if (Files.exists(layout.dir())) deleteTree(layout.dir());
        try (LocalCluster cluster = proxied ? LocalCluster.createProxied(layout, NodeJvmArgs.fromEnv(), false)
                : LocalCluster.create(layout, NodeJvmArgs.fromEnv())) {
            cluster.startAll();
            String leader;
            try {
                leader = cluster.awaitLeader(Duration.ofSeconds(120));
            } catch (IOException e) {
                rows.add(Map.of("variant", label, "repeat", repeat, "error", e.getMessage()));
                out.printf("%-14s not measured: %s%n", label, e.getMessage());
                return;
            }
            List<Integer> all = layout.ids().stream().map(layout::redisPort).toList();
            List<Integer> ports = o.connect().equals("leader") ? List.of(layout.redisPort(leader)) : all;
            // The JIT of fresh node JVMs compiles under load for a minute or more: without this, whichever
            // point comes first is measured on cold nodes (166 vs 364 RPUSH/s warm, 2026-12-03).
            if (o.warmup() > 0) {
                ContendedLoad.run(ports, warmLoad(o.warmup(), "warm"));
            }
            if (o.settle() > 0) settle(label, ports, all);
            List<Long> pids = layout.ids().stream().map(cluster::pid).toList();
            int n = 0;
            for (BenchOp op : o.ops()) {
                for (int k : o.keys()) {
                    for (int c : o.clientsFor(op)) {
                        LoadPoint p = point(op, c, k, o.warmup(), "bench" + repeat + "-" + (n++), CLUSTER_POP_RATE);
                        ServerCounters before = ServerCounters.read(all);
                        ServerCpu cpu = ServerCpu.read(pids);
                        long t0 = System.nanoTime();
                        LoadResult res = ContendedLoad.run(ports, p);
                        double wall = (System.nanoTime() - t0) / 1e9;
                        ServerCpu cpuAfter = ServerCpu.read(pids);
                        ServerCounters after = ServerCounters.read(all);
                        // conflicts and CPU over the whole point (warm-up included) per op of the whole point
                        long allOps = pointOps(res, p);
                        Map<String, Object> row = row(label, o.connect(), repeat, res,
                                after.conflictsPerOp(before, allOps), after.groupsPerEntry(before),
                                cpuAfter.microsPerOp(cpu, allOps));
                        double jit = after.jitCores(before, wall, all.size());
                        if (!Double.isNaN(jit)) row.put("jit_cores", round(jit)); // NaN: a node did not answer
                        rows.add(row);
                        print(row);
                    }
                }
            }
        }
    }

    /**
     * Keeps the warm-up load on, {@link #SETTLE_STEP_SECONDS} at a time, until the nodes' JIT is quiet or
     * {@code --settle} seconds have passed; prints how it ended. Why: on 2 cores a fresh cluster's compilers
     * still took 0.6 cores after a minute of load, so without this a variant whose code compiles later is
     * measured with less CPU than the other (docs/bench.md, "Warm-up").
     */
    private void settle(String label, List<Integer> ports, List<Integer> all) throws InterruptedException {
        double waited = 0;
        double cores = Double.NaN;
        int quietSteps = 0;
        int step = 0;
        // Two full quiet steps in a row: the JVM adds a compile's time only when it finishes, so one step can
        // miss a long C2 compile that is still running. A node that did not answer gives NaN: not quiet.
        while (waited < o.settle() && quietSteps < 2) {
            double length = Math.min(SETTLE_STEP_SECONDS, o.settle() - waited);
            ServerCounters before = ServerCounters.read(all);
            long t0 = System.nanoTime();
            ContendedLoad.run(ports, warmLoad(length, "settle" + (step++)));
            double seconds = (System.nanoTime() - t0) / 1e9;
            cores = ServerCounters.read(all).jitCores(before, seconds, all.size());
            waited += seconds;
            quietSteps = cores < QUIET_JIT_CORES && length == SETTLE_STEP_SECONDS ? quietSteps + 1 : 0;
        }
        out.printf("%-14s warm-up: JIT at %.2f cores after %.0f s of settling (%s)%n", label, cores, waited,
                quietSteps >= 2 ? "quiet" : Double.isNaN(cores) ? "a node did not answer DKV.STATS" : "still compiling: raise --settle");
        out.flush();
    }

    /** Unmeasured RPUSH load at the largest client and key counts: the cluster's warm-up and settling steps. */
    private LoadPoint warmLoad(double seconds, String prefix) {
        return new LoadPoint(BenchOp.RPUSH, Collections.max(o.clients()), Collections.max(o.keys()), 0, seconds, prefix, 0);
    }

    /** The ops of a point, warm-up included; an lpop point's prefill is not counted (it goes in batches). */
    private static long pointOps(LoadResult res, LoadPoint p) {
        return res.end().acknowledged() - p.prefillPerKey() * (long) p.keys() + res.end().popped();
    }

    private LoadPoint point(BenchOp op, int clients, int keys, double warmup, String prefix, double popRate) {
        int prefill = op == BenchOp.LPOP ? (int) Math.ceil(popRate * (warmup + o.duration()) / keys) : 0;
        return new LoadPoint(op, clients, keys, warmup, o.duration(), prefix, prefill);
    }

    private static Map<String, Object> row(String variant, String connect, int repeat, LoadResult r, Double conflictsPerOp,
                                           Double groupsPerEntry, Double cpuMicrosPerOp) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("variant", variant);
        row.put("op", r.point().op().cliName());
        row.put("keys", r.point().keys());
        row.put("clients", r.point().clients());
        row.put("repeat", repeat);
        row.put("connect", connect);
        row.put("ops", r.ops());
        row.put("errors", r.errors());
        row.put("empty_pops", r.empty());
        row.put("seconds", round(r.seconds()));
        row.put("ops_per_s", round(r.opsPerSecond()));
        row.put("p50_ms", round(r.p50Ms()));
        row.put("p99_ms", round(r.p99Ms()));
        if (conflictsPerOp != null) row.put("conflicts_per_op", Math.round(conflictsPerOp * 10_000) / 10_000.0);
        if (groupsPerEntry != null) row.put("groups_per_entry", round(groupsPerEntry));
        if (cpuMicrosPerOp != null) row.put("server_cpu_us_per_op", cpuMicrosPerOp);
        row.put("end_ok", r.end().ok());
        row.put("end", Map.of("acknowledged", r.end().acknowledged(), "uncertain", r.end().uncertain(),
                "uncertain_pops", r.end().uncertainPops(), "popped", r.end().popped(), "remaining", r.end().remaining(),
                "lost", r.end().lost(), "duplicated", r.end().duplicated(), "unexpected", r.end().unexpected(),
                "cardinality_off", r.end().cardinalityOff()));
        return row;
    }

    /** Each row's ops/s over its repeat's reference row of the same point. */
    private static void ratios(List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            if (Boolean.TRUE.equals(row.get("reference")) || !row.containsKey("ops_per_s")) continue;
            for (Map<String, Object> ref : rows) {
                if (Boolean.TRUE.equals(ref.get("reference")) && ref.containsKey("ops_per_s") && samePoint(row, ref)
                        && row.get("repeat").equals(ref.get("repeat"))) {
                    double r = (Double) ref.get("ops_per_s");
                    if (r > 0) row.put("ratio_to_reference", Math.round((Double) row.get("ops_per_s") / r * 10_000) / 10_000.0);
                }
            }
        }
    }

    static boolean samePoint(Map<String, Object> a, Map<String, Object> b) {
        return a.get("op").equals(b.get("op")) && a.get("keys").equals(b.get("keys")) && a.get("clients").equals(b.get("clients"));
    }

    private void print(Map<String, Object> row) {
        out.printf("%-14s %-10s keys=%-3s clients=%-3s #%s %10.1f ops/s  p50=%7.2f ms  p99=%8.2f ms  cpu/op=%s us  jit=%s  errors=%s%s  end %s%n",
                row.get("variant"), row.get("op"), row.get("keys"), row.get("clients"), row.get("repeat"),
                (Double) row.get("ops_per_s"), (Double) row.get("p50_ms"), (Double) row.get("p99_ms"),
                row.getOrDefault("server_cpu_us_per_op", "?"), row.getOrDefault("jit_cores", "-"), row.get("errors"),
                row.containsKey("conflicts_per_op") ? "  conflicts/op=" + row.get("conflicts_per_op") : "  (reference)",
                Boolean.TRUE.equals(row.get("end_ok")) ? "ok" : "FAILED " + row.get("end"));
        out.flush();
    }

    private void write(List<Map<String, Object>> rows) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "contended");
        doc.put("command", o.command());
        doc.put("time", Instant.now().toString());
        doc.put("cpus", Runtime.getRuntime().availableProcessors());
        doc.put("load_average", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        doc.put("results", rows);
        Path file = o.out().toAbsolutePath();
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
        out.println("results: " + file);
        for (Path png : BenchChart.write(file, rows, o.ops())) out.println("chart:   " + png);
    }

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    private static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path f : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.delete(f);
        }
    }
}
