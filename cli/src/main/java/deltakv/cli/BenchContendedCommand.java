package deltakv.cli;

import deltakv.engine.Variant;
import deltakv.runner.bench.BenchOptions;
import deltakv.runner.bench.ContendedBench;
import deltakv.workloads.bench.BenchOp;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dkv bench contended}: hot keys under many clients, every variant on a fresh local cluster next to
 * one real redis-server (CLI.md). The options only; the bench is {@link ContendedBench}. Exit 1 if an end
 * check found an element lost or duplicated.
 */
@Command(name = "contended", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Throughput, latency, conflicts per op and an end check for pushes/pops on a few hot lists, "
                + "per variant on a fresh local cluster, next to one real redis-server.")
public final class BenchContendedCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--variants", defaultValue = "rmw,delta,delta-cf", split = ",",
            converter = deltakv.engine.main.NodeCommand.VariantConverter.class,
            description = "Variants to measure (default: ${DEFAULT-VALUE}).")
    List<Variant> variants;

    @Option(names = "--op", defaultValue = "rpush", split = ",",
            description = "rpush, lpush, lpop (lists filled first), rpush-lpop (half producers, half consumers on the same lists), hset / sadd / zadd (a new field or member per call) or incr; several: comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> ops;

    @Option(names = "--clients", defaultValue = "1,4,16,64", split = ",", description = "Client counts (default: ${DEFAULT-VALUE}).")
    List<Integer> clients;

    @Option(names = "--keys", defaultValue = "1,64", split = ",", description = "Key counts; 1 = one hot list (default: ${DEFAULT-VALUE}).")
    List<Integer> keys;

    @Option(names = "--duration", defaultValue = "10", description = "Seconds measured per point (default: ${DEFAULT-VALUE}).")
    double duration;

    // A fresh cluster's JIT keeps compiling for 30 s or more on 2 cores: 64 clients measured 7.9k RPUSH/s after
    // a 10 s warm-up and 13.5k after 30 s (docs/bench-history.md).
    @Option(names = "--warmup", defaultValue = "30",
            description = "Seconds of unmeasured load on each fresh cluster, and again before each point (default: ${DEFAULT-VALUE}).")
    double warmup;

    // Even after --warmup the nodes' JIT compiles on (0.6 of this machine's 2 cores at 60 s, 2026-12-07), and a
    // variant whose code path compiles later pays for it in the measurement (docs/bench.md, "Warm-up").
    @Option(names = "--settle", defaultValue = "120",
            description = "After the warm-up of a fresh cluster, keep the load on in 5 s steps until its nodes' JIT "
                    + "compilers use less than 0.05 of a core in two steps in a row, up to this many seconds; 0 = off "
                    + "(default: ${DEFAULT-VALUE}).")
    double settle;

    @Option(names = "--repeat", defaultValue = "1",
            description = "Measure every point this many times, each on fresh clusters: the samples dkv gate tests (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--nodes", defaultValue = "3", description = "Cluster size (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--reference", defaultValue = "redis-server",
            description = "Reference points measured with the same clients first: redis-server (one process, no "
                    + "replication, no persistence; what this machine's load generator and loopback allow) or none "
                    + "(default: ${DEFAULT-VALUE}).")
    String reference;

    @Option(names = "--out", defaultValue = "bench/bench.json",
            description = "Results JSON; the chart goes next to it as .png (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--connect", defaultValue = "all",
            description = "Which nodes the clients connect to: all (spread; followers relay to the leader) or leader (default: ${DEFAULT-VALUE}).")
    String connect;

    @Option(names = "--proxies", defaultValue = "off",
            description = "Node-to-node traffic through the harness's proxy mesh: off, on, or both (each variant twice, "
                    + "labelled VARIANT+proxies: the mesh's overhead in one run) (default: ${DEFAULT-VALUE}).")
    String proxies;

    @Option(names = "--dir", defaultValue = "dkv-bench", description = "Where the bench clusters live (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--base-port", defaultValue = "6481", description = "Redis port of n1 (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        BenchOptions options;
        try {
            options = new BenchOptions(variants.stream().map(Variant::cliName).toList(), ops.stream().map(BenchOp::parse).toList(), clients, keys, duration, warmup,
                    settle, repeat, nodes, reference, connect, proxies, dir, basePort, out);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("dkv: " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        }
        List<Map<String, Object>> rows = new ContendedBench(options, o).run();
        boolean endChecksOk = rows.stream().noneMatch(r -> Boolean.FALSE.equals(r.get("end_ok")));
        if (!endChecksOk) o.println("an end check FAILED: elements were lost or duplicated (see the rows above)");
        // what could not be measured (a cluster without a leader, no redis-server) leaves points without numbers:
        // not a pass for whoever compares this file later
        List<String> missing = rows.stream().filter(r -> r.containsKey("error"))
                .map(r -> r.get("variant") + " (repeat " + r.get("repeat") + "): " + r.get("error")).distinct().toList();
        if (!missing.isEmpty()) o.println("incomplete — not measured: " + String.join("; ", missing));
        if (!endChecksOk) return ExitCodes.INVALID;
        return missing.isEmpty() ? ExitCodes.OK : ExitCodes.UNKNOWN;
    }
}
