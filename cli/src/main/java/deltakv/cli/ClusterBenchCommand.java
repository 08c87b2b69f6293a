package deltakv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import deltakv.engine.Variant;
import deltakv.nemesis.cluster.ClusterLayout;
import deltakv.nemesis.cluster.LocalCluster;
import deltakv.nemesis.cluster.NodeJvmArgs;
import deltakv.nemesis.cluster.RedisServerProcess;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dkv cluster bench}: RPUSH throughput and p50/p99 latency on a fresh local cluster per
 * variant, for each client count and key count. The precursor of {@code dkv bench contended}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure RPUSH throughput and latency (Jedis clients) on a fresh local cluster per variant.")
public final class ClusterBenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--variants", defaultValue = "rmw,delta,delta-cf", split = ",",
            description = "Variants to measure (default: ${DEFAULT-VALUE}).")
    List<String> variants;

    @Option(names = "--clients", defaultValue = "1,16,64", split = ",", description = "Client counts (default: ${DEFAULT-VALUE}).")
    List<Integer> clients;

    @Option(names = "--keys", defaultValue = "64,1", split = ",", description = "Key counts; 1 = one hot list (default: ${DEFAULT-VALUE}).")
    List<Integer> keys;

    @Option(names = "--duration", defaultValue = "10", description = "Seconds measured per point (default: ${DEFAULT-VALUE}).")
    double duration;

    // A fresh cluster's JIT keeps compiling for 30 s or more on 2 cores: 64 clients measured 7.9k RPUSH/s after
    // a 10 s warm-up and 13.5k after 30 s (docs/bench-history.md).
    @Option(names = "--warmup", defaultValue = "30",
            description = "Seconds of unmeasured load on each fresh cluster (most clients and keys), and again before each point (default: ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--connect", defaultValue = "all",
            description = "Which nodes the clients connect to: all (spread; followers relay to the leader) or leader (default: ${DEFAULT-VALUE}).")
    String connect;

    @Option(names = "--nodes", defaultValue = "3", description = "Cluster size (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--dir", defaultValue = "dkv-bench", description = "Where the bench clusters live (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--base-port", defaultValue = "6481", description = "Redis port of n1 (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Option(names = "--out", defaultValue = "results/raft-rpush-bench.json", description = "Results JSON (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--proxies", defaultValue = "off",
            description = "Node-to-node traffic through the harness's proxy mesh: off, on, or both (each variant twice, "
                    + "labelled VARIANT+proxies: the mesh's overhead in one run) (default: ${DEFAULT-VALUE}).")
    String proxies;

    @Option(names = "--reference", defaultValue = "redis-server",
            description = "Reference points measured with the same clients first: redis-server (one process, no "
                    + "replication, no persistence; what this machine's load generator and loopback allow) or none "
                    + "(default: ${DEFAULT-VALUE}).")
    String reference;

    /** A reference point needs no JIT warm-up on the server side; the client's is covered by this. */
    private static final double REFERENCE_WARMUP_SECONDS = 5;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String v : variants) {
            try {
                Variant.parse(v);
            } catch (IllegalArgumentException e) {
                err.println("dkv: " + e.getMessage());
                return ExitCodes.BAD_ARGUMENTS;
            }
        }
        if (duration <= 0 || warmup < 0 || clients.stream().anyMatch(c -> c < 1) || keys.stream().anyMatch(k -> k < 1)) {
            err.println("dkv: --duration, --clients and --keys must be positive");
            return ExitCodes.BAD_ARGUMENTS;
        }
        if (!connect.equals("all") && !connect.equals("leader")) {
            err.println("dkv: --connect must be all or leader");
            return ExitCodes.BAD_ARGUMENTS;
        }
        if (!reference.equals("redis-server") && !reference.equals("none")) {
            err.println("dkv: --reference must be redis-server or none");
            return ExitCodes.BAD_ARGUMENTS;
        }
        if (!List.of("off", "on", "both").contains(proxies)) {
            err.println("dkv: --proxies must be off, on or both");
            return ExitCodes.BAD_ARGUMENTS;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        if (reference.equals("redis-server")) measureReference(rows, o);
        List<String> runs = new ArrayList<>();
        for (String variant : variants) {
            if (!proxies.equals("on")) runs.add(variant);
            if (!proxies.equals("off")) runs.add(variant + "+proxies");
        }
        for (String label : runs) {
            boolean proxied = label.endsWith("+proxies");
            String v = proxied ? label.substring(0, label.length() - "+proxies".length()) : label;
            ClusterLayout layout = new ClusterLayout(dir.resolve(proxied ? v + "-proxied" : v), nodes, basePort, v, List.of(), proxied);
            if (Files.exists(layout.dir())) deleteTree(layout.dir());
            try (LocalCluster cluster = proxied ? LocalCluster.createProxied(layout, NodeJvmArgs.fromEnv(), false)
                    : LocalCluster.create(layout, NodeJvmArgs.fromEnv())) {
                cluster.startAll();
                String leader;
                try {
                    leader = cluster.awaitLeader(Duration.ofSeconds(120));
                } catch (java.io.IOException e) {
                    // e.g. a variant the engine does not implement yet: record it and go on
                    rows.add(Map.of("variant", label, "error", e.getMessage()));
                    o.printf("%-12s not measured: %s%n", v, e.getMessage());
                    continue;
                }
                List<Integer> all = layout.ids().stream().map(layout::redisPort).toList();
                List<Integer> ports = connect.equals("leader") ? List.of(layout.redisPort(leader)) : all;
                // The JIT of fresh node JVMs compiles under load for a minute or more: without this, whichever
                // point comes first (one client) is measured on cold nodes (166 vs 364 RPUSH/s warm, 2026-12-03).
                if (warmup > 0) RpushLoad.run(ports, Collections.max(clients), Collections.max(keys), 0, warmup, "warm");
                int run = 0;
                for (int k : keys) {
                    for (int c : clients) {
                        BatchCounters before = BatchCounters.read(all);
                        RpushLoad.Result r = RpushLoad.run(ports, c, k, warmup, duration, "bench" + (run++));
                        double perEntry = BatchCounters.read(all).groupsPerEntrySince(before);
                        Map<String, Object> row = row(label, connect, r);
                        row.put("groups_per_entry", round(perEntry));
                        rows.add(row);
                        o.printf("%s  groups/entry=%.1f%n", line(label, r), perEntry);
                        o.flush();
                    }
                }
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "rpush");
        doc.put("command", "dkv cluster bench --variants " + String.join(",", variants) + " --clients "
                + join(clients) + " --keys " + join(keys) + " --duration " + duration + " --warmup " + warmup
                + " --nodes " + nodes + " --connect " + connect + " --reference " + reference + " --proxies " + proxies);
        doc.put("time", Instant.now().toString());
        doc.put("cpus", Runtime.getRuntime().availableProcessors());
        doc.put("load_average", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        doc.put("results", rows);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), doc);
        o.println("results: " + out.toAbsolutePath());
        return ExitCodes.OK;
    }

    /**
     * The same load against one real redis-server: the ceiling this machine's load generator and loopback
     * give, recorded next to the cluster's numbers so results from different machines can be compared.
     */
    private void measureReference(List<Map<String, Object>> rows, PrintWriter o) throws Exception {
        String name = "redis-server";
        if (RedisServerProcess.binary() == null) {
            rows.add(Map.of("variant", name, "reference", true, "error", "redis-server not found on PATH"));
            o.printf("%-12s not measured: not found on PATH (scripts/install-test-deps.sh installs it)%n", name);
            return;
        }
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            int run = 0;
            for (int k : keys) {
                for (int c : clients) {
                    RpushLoad.Result r = RpushLoad.run(List.of(redis.port()), c, k,
                            Math.min(warmup, REFERENCE_WARMUP_SECONDS), duration, "ref" + (run++));
                    Map<String, Object> row = row(name, "one process", r);
                    row.put("reference", true);
                    rows.add(row);
                    o.printf("%s  (reference)%n", line(name, r));
                    o.flush();
                }
            }
        }
    }

    private static Map<String, Object> row(String variant, String connect, RpushLoad.Result r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("variant", variant);
        row.put("keys", r.keys());
        row.put("clients", r.clients());
        row.put("connect", connect);
        row.put("ops", r.ops());
        row.put("errors", r.errors());
        row.put("seconds", round(r.seconds()));
        row.put("rpush_per_s", round(r.opsPerSecond()));
        row.put("p50_ms", round(r.p50Ms()));
        row.put("p99_ms", round(r.p99Ms()));
        return row;
    }

    private static String line(String variant, RpushLoad.Result r) {
        return String.format("%-12s keys=%-3d clients=%-3d %9.1f RPUSH/s  p50=%7.2f ms  p99=%8.2f ms  errors=%d",
                variant, r.keys(), r.clients(), r.opsPerSecond(), r.p50Ms(), r.p99Ms(), r.errors());
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    private static String join(List<Integer> l) {
        return String.join(",", l.stream().map(String::valueOf).toList());
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        try (var s = Files.walk(p)) {
            for (Path f : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) Files.delete(f);
        }
    }
}
