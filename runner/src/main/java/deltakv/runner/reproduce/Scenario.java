package deltakv.runner.reproduce;

import deltakv.nemesis.cluster.NodeSettings;
import deltakv.runner.TestOptions;
import deltakv.workloads.gen.KeyDist;
import java.nio.file.Path;
import java.util.List;

/**
 * One row of the anomaly catalogue (ANOMALIES.md): the bug flag, the {@code dkv test} that should catch it,
 * how long each run lasts and how much test time the scenario may spend, and what the checkers are expected
 * to report. Plain data; {@link Reproduce} runs it.
 *
 * @param bug          the ANOMALIES.md id ({@code --bug})
 * @param why          why this workload and nemesis expose the bug (one line, for {@code --list})
 * @param workload     {@code --workload}
 * @param nemesis      {@code --nemesis}
 * @param targets      {@code --nemesis-targets} (empty: every target)
 * @param interval     {@code --nemesis-interval}, seconds
 * @param variant      the engine variant the bug lives in
 * @param keyCount     {@code --key-count}
 * @param runSeconds   {@code --time-limit} of each run
 * @param budget       test seconds the scenario may spend before it counts as not detected
 * @param checker      the checker expected to fail
 * @param anomalies    anomaly types it is expected to name (any of them)
 * @param concurrency  {@code --concurrency} (dkv test's default 10)
 * @param opTimeout    {@code --op-timeout}, seconds (dkv test's default 12)
 * @param popBounds    {@code --pop-bounds} of the nodes, with and without the bug (dkv test's default delta)
 */
public record Scenario(String bug, String why, String workload, String nemesis, List<String> targets, double interval,
                       String variant, int keyCount, double runSeconds, double budget, String checker,
                       List<String> anomalies, int concurrency, double opTimeout, String popBounds) {
    /** A row with dkv test's client defaults. */
    public Scenario(String bug, String why, String workload, String nemesis, List<String> targets, double interval,
                    String variant, int keyCount, double runSeconds, double budget, String checker, List<String> anomalies) {
        this(bug, why, workload, nemesis, targets, interval, variant, keyCount, runSeconds, budget, checker, anomalies,
                DEFAULT_CONCURRENCY, DEFAULT_OP_TIMEOUT, NodeSettings.DEFAULT_POP_BOUNDS);
    }

    private static final int DEFAULT_CONCURRENCY = 10;
    private static final double DEFAULT_OP_TIMEOUT = 12;

    /** The same row with more workers and a shorter client timeout (clients stuck on a cut-off node give up sooner). */
    public Scenario withClients(int workers, double timeoutSeconds) {
        return new Scenario(bug, why, workload, nemesis, targets, interval, variant, keyCount, runSeconds, budget, checker,
                anomalies, workers, timeoutSeconds, popBounds);
    }

    /** The same row on nodes whose pops leave the bounds to the claim GC ({@code --pop-bounds}), its control too. */
    public Scenario withPopBounds(String p) {
        return new Scenario(bug, why, workload, nemesis, targets, interval, variant, keyCount, runSeconds, budget, checker,
                anomalies, concurrency, opTimeout, p);
    }

    /** On delta, deque push replies are snapshot lengths (docs/engine-lists.md): checking them fails every control. */
    private boolean checkPushLengths() {
        return !(workload.equals("deque") && variant.equals("delta"));
    }

    public Scenario {
        targets = List.copyOf(targets);
        anomalies = List.copyOf(anomalies);
    }

    /** The options of one run; without the bug flag it is the scenario's control. */
    public TestOptions options(long seed, Path store, boolean withBug) {
        // the rest are dkv test's defaults (CLI.md)
        return new TestOptions(workload, nemesis, interval, targets, runSeconds, 3, concurrency, 200, variant,
                withBug ? List.of(bug) : List.of(), popBounds, keyCount, KeyDist.UNIFORM, 4, 64, opTimeout, List.of("strict-serializable"),
                checkPushLengths(), seed, store, testName(withBug), false, false, List.of());
    }

    /** The run directories' test name: {@code reproduce-<bug>} or {@code reproduce-<bug>-control}. */
    public String testName(boolean withBug) {
        return "reproduce-" + bug + (withBug ? "" : "-control");
    }

    /** The {@code dkv test} command line of one run, for the docs and the printed plan. */
    public String command(long seed) {
        return "dkv test --workload " + workload + " --nemesis " + nemesis
                + (targets.isEmpty() ? "" : " --nemesis-targets " + String.join(",", targets))
                + " --nemesis-interval " + fmt(interval) + " --variant " + variant + " --key-count " + keyCount
                + " --time-limit " + fmt(runSeconds) + (checkPushLengths() ? "" : " --push-lengths skip")
                + (popBounds.equals(NodeSettings.DEFAULT_POP_BOUNDS) ? "" : " --pop-bounds " + popBounds)
                + (concurrency == DEFAULT_CONCURRENCY ? "" : " --concurrency " + concurrency)
                + (opTimeout == DEFAULT_OP_TIMEOUT ? "" : " --op-timeout " + fmt(opTimeout))
                + " --bug " + bug + " --seed " + seed;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
