package deltakv.cli;

import deltakv.engine.Bug;
import deltakv.engine.Variant;
import deltakv.runner.TestOptions;
import deltakv.runner.TestRun;
import deltakv.workloads.Workloads;
import deltakv.workloads.gen.KeyDist;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dkv test}: parses CLI.md's options and hands them to {@link TestRun}. */
@Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a Jepsen-style test: a local cluster (or --connect servers) hammered by Jedis workers; "
                + "a history in the store, the checkers' verdicts, plots and a timeline. Exit 0 valid, 1 invalid, "
                + "2 unknown, 254 bad arguments, 255 crash.")
public final class TestCommand implements Callable<Integer> {
    @Option(names = "--workload", defaultValue = "list-append",
            description = "list-append, rw-register, queue, deque, set, hash, zset or counter (default: ${DEFAULT-VALUE}).")
    String workload;

    @Option(names = "--nemesis",
            description = "Faults, comma-separated: partition, kill, pause, slow, clock, compactor, all, or none "
                    + "(default: partition,kill; none with --connect, where only clock and compactor are possible).")
    String nemesis;

    @Option(names = "--nemesis-interval", defaultValue = "10", description = "Mean seconds a fault lasts, and between its stop and the next start of its kind "
                    + "(Jepsen's :interval between nemesis ops) (default: ${DEFAULT-VALUE}).")
    double nemesisInterval;

    @Option(names = "--nemesis-targets", split = ",",
            description = "Narrow the faults' targets: one, leader, minority, majority, all, majorities-ring, bridge.")
    List<String> nemesisTargets = new ArrayList<>();

    @Option(names = "--time-limit", defaultValue = "30", description = "Seconds of main phase (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(names = "--nodes", defaultValue = "3", description = "Local cluster size, 1-9 (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--concurrency", defaultValue = "10", description = "Worker threads (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--rate", defaultValue = "200", description = "Ops/s over all workers; 0 = unlimited (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--variant", defaultValue = "delta", converter = deltakv.engine.main.NodeCommand.VariantConverter.class,
            description = "Engine variant: rmw, delta or delta-cf (default: ${DEFAULT-VALUE}).")
    Variant variant;

    @Option(names = "--pop-bounds", defaultValue = "delta", paramLabel = "delta|claim-gc",
            description = "Variant delta, local nodes: who moves Head/Tail past a popped element (see dkv node --help; "
                    + "default: ${DEFAULT-VALUE}).")
    String popBounds;

    @Option(names = "--bug", paramLabel = "ID", description = "Bug flag for every node (repeatable; see dkv node --help).")
    List<String> bugs = new ArrayList<>();

    @Option(names = "--key-count", defaultValue = "8", description = "Keys in play at a time (default: ${DEFAULT-VALUE}).")
    int keyCount;

    @Option(names = "--key-dist", defaultValue = "uniform", description = "uniform, exponential or hot (default: ${DEFAULT-VALUE}).")
    String keyDist;

    @Option(names = "--max-txn-length", defaultValue = "4", description = "Micro-ops per transaction, at most (default: ${DEFAULT-VALUE}).")
    int maxTxnLength;

    @Option(names = "--max-writes-per-key", defaultValue = "64", description = "Writes before a key retires (default: ${DEFAULT-VALUE}).")
    int maxWritesPerKey;

    @Option(names = "--op-timeout", defaultValue = "12",
            description = "Client timeout per op in seconds, above the engine's 10 s commit timeout (default: ${DEFAULT-VALUE}).")
    double opTimeout;

    @Option(names = "--consistency-models", split = ",", defaultValue = "strict-serializable",
            description = "Elle's models to check (default: ${DEFAULT-VALUE}).")
    List<String> consistencyModels;

    @Option(names = "--push-lengths", defaultValue = "check",
            description = "deque: check each LPUSH/RPUSH reply (the new length) against the model, or skip: record the "
                    + "replies but leave them out (delta answers with its snapshot's length) (default: ${DEFAULT-VALUE}).")
    String pushLengths;

    @Option(names = "--seed", description = "Seed of the run (default: random, printed and stored).")
    Long seed;

    @Option(names = "--store", defaultValue = "store", description = "Results store (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--name", description = "Test name in the store (default: workload-nemesis-variant).")
    String name;

    @Option(names = "--test-count", defaultValue = "1", description = "Runs, stopping at the first one that is not valid (default: ${DEFAULT-VALUE}).")
    int testCount;

    @Option(names = "--keep-data", description = "Keep the nodes' data directories.")
    boolean keepData;

    @Option(names = "--leave-db-running", description = "Leave the cluster running after the run.")
    boolean leaveDbRunning;

    @Option(names = "--connect", split = ",", paramLabel = "HOST:PORT",
            description = "Test servers you run (any Redis-protocol server) instead of a local cluster.")
    List<String> connect = new ArrayList<>();

    private boolean pushLengths() {
        if (!pushLengths.equals("check") && !pushLengths.equals("skip")) {
            throw new IllegalArgumentException("--push-lengths must be check or skip, got '" + pushLengths + "'");
        }
        return pushLengths.equals("check");
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        TestOptions options;
        try {
            if (testCount < 1) throw new IllegalArgumentException("--test-count must be >= 1, got " + testCount);
            for (String b : bugs) Bug.parse(b); // unknown or not implemented: one line, exit 254
            if (!connect.isEmpty() && !bugs.isEmpty()) throw new IllegalArgumentException("--bug needs a local cluster, not --connect");
            Workloads.validate(workload);
            long s = seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 1L << 48);
            String faults = nemesis != null ? nemesis : connect.isEmpty() ? "partition,kill" : "none";
            options = new TestOptions(workload, faults, nemesisInterval, nemesisTargets, timeLimit, nodes, concurrency,
                    rate, variant.cliName(), bugs, popBounds, keyCount, KeyDist.parse(keyDist), maxTxnLength, maxWritesPerKey,
                    opTimeout, consistencyModels, pushLengths(), s, store, name, keepData, leaveDbRunning, connect);
            TestRun.validate(options);
        } catch (IllegalArgumentException e) {
            System.err.println("dkv test: " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        }
        int code = ExitCodes.OK;
        for (int i = 0; i < testCount; i++) {
            TestOptions run = i == 0 ? options : options.withSeed(options.seed() + i);
            try {
                code = TestRun.run(run, out).exitCode();
            } catch (IllegalArgumentException e) {
                System.err.println("dkv test: " + e.getMessage());
                return ExitCodes.BAD_ARGUMENTS;
            } catch (Exception e) {
                System.err.println("dkv test: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                return ExitCodes.CRASH;
            }
            if (code != ExitCodes.OK) break;
        }
        return code;
    }
}
