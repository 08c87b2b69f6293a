package deltakv.runner.bench;

import deltakv.workloads.bench.BenchOp;
import java.nio.file.Path;
import java.util.List;

/**
 * The options of {@code dkv bench contended} (CLI.md), validated; variant names are checked where they are
 * parsed (the CLI's {@code Variant} converter).
 *
 * @param warmup    seconds of unmeasured load on each fresh cluster, and again before each point
 * @param settle    at most this many more seconds of load on a fresh cluster while its JIT is still busy (0: off)
 * @param repeat    how many times every point is measured (fresh clusters each time): the gate's samples
 * @param connect   {@code all} (clients spread over the nodes) or {@code leader}
 * @param proxies   {@code off}, {@code on} or {@code both}: node-to-node traffic through the proxy mesh
 * @param reference {@code redis-server} or {@code none}
 */
public record BenchOptions(List<String> variants, List<BenchOp> ops, List<Integer> clients, List<Integer> keys,
                           double duration, double warmup, double settle, int repeat, int nodes, String reference, String connect,
                           String proxies, Path dir, int basePort, Path out) {
    /** @throws IllegalArgumentException with a one-line reason */
    public BenchOptions {
        variants = List.copyOf(variants);
        ops = List.copyOf(ops);
        clients = List.copyOf(clients);
        keys = List.copyOf(keys);
        if (variants.isEmpty() || ops.isEmpty() || clients.isEmpty() || keys.isEmpty()) {
            throw new IllegalArgumentException("--variants, --op, --clients and --keys need at least one value");
        }
        if (duration <= 0 || warmup < 0 || settle < 0 || repeat < 1 || nodes < 1) {
            throw new IllegalArgumentException("--duration, --repeat and --nodes must be positive, --warmup and --settle not negative");
        }
        if (clients.stream().anyMatch(c -> c < 1) || keys.stream().anyMatch(k -> k < 1)) {
            throw new IllegalArgumentException("--clients and --keys must be positive");
        }
        if (ops.contains(BenchOp.RPUSH_LPOP) && clients.stream().allMatch(c -> c < 2)) {
            throw new IllegalArgumentException("--op rpush-lpop needs at least 2 clients (producers and consumers)");
        }
        if (!connect.equals("all") && !connect.equals("leader")) throw new IllegalArgumentException("--connect must be all or leader");
        if (!reference.equals("redis-server") && !reference.equals("none")) {
            throw new IllegalArgumentException("--reference must be redis-server or none");
        }
        if (!List.of("off", "on", "both").contains(proxies)) throw new IllegalArgumentException("--proxies must be off, on or both");
        // before the reference phase spends minutes: the cluster would refuse these only after it
        deltakv.nemesis.cluster.ClusterLayout.checkSize(nodes, basePort);
    }

    /**
     * The client counts measured for {@code op}: rpush-lpop splits its clients into producers and consumers,
     * so it skips a count of 1 (the default list starts at 1).
     */
    public List<Integer> clientsFor(BenchOp op) {
        return op == BenchOp.RPUSH_LPOP ? clients.stream().filter(c -> c >= 2).toList() : clients;
    }

    /** The command line that reproduces these options (recorded in the results). */
    public String command() {
        return "dkv bench contended --variants " + String.join(",", variants) + " --op "
                + String.join(",", ops.stream().map(BenchOp::cliName).toList()) + " --clients " + join(clients)
                + " --keys " + join(keys) + " --duration " + duration + " --warmup " + warmup + " --settle " + settle + " --repeat " + repeat
                + " --nodes " + nodes + " --reference " + reference + " --connect " + connect + " --proxies " + proxies;
    }

    private static String join(List<Integer> l) {
        return String.join(",", l.stream().map(String::valueOf).toList());
    }
}
