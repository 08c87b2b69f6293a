package deltakv.runner;

import deltakv.checker.Validity;
import deltakv.nemesis.Fault;
import deltakv.nemesis.NemesisPackage;
import deltakv.nemesis.Nemeses;
import deltakv.nemesis.PlotBand;
import deltakv.nemesis.cluster.ClusterControl;
import deltakv.nemesis.cluster.ClusterLayout;
import deltakv.nemesis.cluster.LocalCluster;
import deltakv.nemesis.cluster.NodeJvmArgs;
import deltakv.nemesis.cluster.NodeSettings;
import deltakv.nemesis.cluster.RemoteServers;
import deltakv.runner.analysis.Analysis;
import deltakv.runner.exec.FinalPhase;
import deltakv.runner.exec.MainPhase;
import deltakv.runner.exec.Nodes;
import deltakv.runner.exec.RunLog;
import deltakv.runner.history.HistoryLog;
import deltakv.runner.report.FaultPeriod;
import deltakv.runner.store.Json;
import deltakv.runner.store.Leftovers;
import deltakv.runner.store.RunDir;
import deltakv.workloads.Workload;
import deltakv.workloads.Workloads;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code dkv test} run, HARNESS.md §1 step by step: set up (a local cluster in the run directory, or
 * the user's servers), main phase (workers + nemesis), recovery, final phase, check, tear down. Every
 * process it starts is stopped by PID — at the end, on failure and on Ctrl-C — and the nodes also watch
 * this JVM's PID. The workload and the nemesis come from their registries by name; this class only
 * composes them.
 */
public final class TestRun {
    /** Node settings for test runs: compaction every second at 16 deltas, a Raft snapshot every 2000 entries. */
    static final NodeSettings TEST_NODES = new NodeSettings(1000, 16, 2000);
    static final Duration READY = Duration.ofSeconds(60);

    private final TestOptions o;
    private final RunLog log;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile ClusterControl cluster;
    /** Whether recovery undid the faults (otherwise servers reached with --connect are healed on the way out). */
    private boolean healed;

    /** The faults to do instead of the package's own schedule ({@code dkv replay}); null = generate. */
    private final List<Fault> replaySchedule;
    private final Path replayOf;

    private TestRun(TestOptions o, PrintStream out, List<Fault> replaySchedule, Path replayOf) {
        this.o = o;
        this.log = new RunLog(out);
        this.replaySchedule = replaySchedule;
        this.replayOf = replayOf;
    }

    /** The outcome: the verdict, or a reason why there is none. */
    public record Result(int exitCode, Path runDir) {}

    /**
     * Checks everything that can be checked before anything starts (names, the store, --connect endpoints).
     *
     * @throws IllegalArgumentException with the one-line reason (exit 254)
     */
    public static NemesisPackage validate(TestOptions o) {
        Workloads.validate(o.workload());
        NemesisPackage np = Nemeses.create(o.nemesis(), o.nemesisTargets());
        if (!o.local() && np != NemesisPackage.NONE) {
            List<String> local = kinds(np).stream().filter(k -> !Nemeses.OVER_REDIS.contains(k)).toList();
            if (!local.isEmpty()) {
                throw new IllegalArgumentException("--nemesis " + String.join(",", local) + " needs a local cluster (it controls processes and links); "
                        + "with --connect use none, clock or compactor");
            }
        }
        if (o.local() && (o.store().toAbsolutePath().toString().contains(",") || o.testName().contains(","))) {
            throw new IllegalArgumentException("the run directory must not contain a comma (Ratis reads its storage path as a list): "
                    + o.store().toAbsolutePath().resolve(o.testName()));
        }
        if (o.leaveDbRunning() && np != NemesisPackage.NONE) {
            throw new IllegalArgumentException("--leave-db-running needs --nemesis none: faults act through proxies that end with the run");
        }
        if (!o.local() && (o.keepData() || o.leaveDbRunning())) {
            throw new IllegalArgumentException("--keep-data and --leave-db-running apply to a local cluster, not --connect");
        }
        return np;
    }

    private void healQuietly(NemesisPackage np) {
        try {
            np.nemesis().healAll(cluster);
        } catch (Exception e) {
            log.info("could not undo every fault on the servers: " + e.getMessage());
        }
    }

    private static List<String> kinds(NemesisPackage np) {
        return np == NemesisPackage.NONE ? List.of() : List.of(np.name().split(","));
    }

    /** Under --connect, clock and compactor faults need servers that answer DKV.CLOCK / DKV.COMPACTOR. */
    private static void refuseWithoutAdmin(RemoteServers remote, String kind) {
        for (String n : remote.nodes()) {
            try {
                if (kind.equals("clock")) remote.clockOffset(n);
                else if (kind.equals("compactor")) remote.compactor(n, "STATS");
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("--nemesis " + kind + ": " + n + " does not answer "
                        + (kind.equals("clock") ? "DKV.CLOCK GET" : "DKV.COMPACTOR STATS") + " (" + e.getMessage() + ")");
            }
        }
    }

    /** Runs one test; returns the exit code (CLI.md: 0 valid, 1 invalid, 2 unknown; 254/255 raised as exceptions). */
    public static Result run(TestOptions o, PrintStream out) throws IOException, InterruptedException {
        return new TestRun(o, out, null, null).run();
    }

    /** {@code dkv replay}: the same options and seed, and the faults of {@code original}'s nemesis.edn at their times. */
    public static Result replay(TestOptions o, List<Fault> schedule, Path original, PrintStream out)
            throws IOException, InterruptedException {
        return new TestRun(o, out, List.copyOf(schedule), original).run();
    }

    private Result run() throws IOException, InterruptedException {
        NemesisPackage np = validate(o);
        RemoteServers remote = null;
        if (!o.local()) {
            remote = RemoteServers.of(o.connect());
            List<String> down = remote.unreachable();
            if (!down.isEmpty()) throw new IllegalArgumentException("--connect: cannot reach " + String.join(", ", down));
            for (String kind : kinds(np)) refuseWithoutAdmin(remote, kind);
        }
        RunDir run;
        try {
            run = RunDir.create(o.store(), o.testName());
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        for (String line : Leftovers.sweep(o.store())) log.info(line);
        log.to(run.file(RunDir.LOG));
        Thread hook = new Thread(this::onSignal, "dkv-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Path running = null;
        Map<String, Object> test = new LinkedHashMap<>();
        try {
            Workload workload = Workloads.create(o.workload(), o.workloadOptions());
            test.put("options", o.toMap());
            test.put("test-name", o.testName());
            test.put("seed", o.seed());
            test.put("variant", o.local() ? o.variant() : null);
            test.put("bugs", o.bugs());
            test.put("git-commit", BuildInfo.gitCommit());
            test.put("versions", BuildInfo.versions());
            test.put("start", Instant.now().toString());
            if (replayOf != null) test.put("replay-of", replayOf.toString());
            List<Map<String, Object>> bands = new ArrayList<>();
            for (PlotBand b : np.plotBands()) bands.add(FaultPeriod.band(b.kind(), b.startF(), b.stopF(), b.rgb()));
            test.put("plot-bands", bands);
            Json.write(run.file(RunDir.TEST), test);

            log.info("dkv test: " + o.testName() + "  seed " + o.seed() + "  " + (o.local() ? o.nodes() + " nodes, variant "
                    + o.variant() + (o.popBounds().equals(NodeSettings.DEFAULT_POP_BOUNDS) ? "" : ", pop bounds " + o.popBounds())
                    + (o.bugs().isEmpty() ? "" : ", bugs " + o.bugs()) : "servers " + String.join(",", o.connect()))
                    + "  " + fmt(o.timeLimitSeconds()) + " s, " + o.concurrency() + " workers, rate "
                    + (o.rate() == 0 ? "unlimited" : fmt(o.rate()) + "/s"));
            log.info("run directory: " + run.dir());

            // 1. set up
            String prefix = "";
            if (o.local()) {
                boolean watch = !o.leaveDbRunning();
                ClusterLayout layout = new ClusterLayout(run.nodes(), o.nodes(), ClusterLayout.freeBasePort(o.nodes()),
                        o.variant(), o.bugs(), true, TEST_NODES.withPopBounds(o.popBounds()));
                // The proxies live in this JVM: a cluster left running after the run talks directly.
                LocalCluster local = watch ? LocalCluster.createProxied(layout, NodeJvmArgs.fromEnv(), true)
                        : LocalCluster.create(layout, NodeJvmArgs.fromEnv(), false);
                if (watch) running = Leftovers.register(o.store(), run.nodes());
                cluster = local;
                local.startAll();
                long t0 = System.nanoTime();
                String leader = local.awaitLeader(READY);
                log.info(String.format("cluster up in %.1f s (leader %s): %s", (System.nanoTime() - t0) / 1e9, leader,
                        String.join("  ", local.statusLines())));
            } else {
                cluster = remote;
                prefix = "dkv:" + run.dir().getFileName() + ":";
                log.info("keys carry the prefix " + prefix);
            }
            test.put("nodes", cluster.nodes());
            test.put("key-prefix", prefix);

            // 2. main phase
            long startNanos = System.nanoTime();
            Nodes nodes = new Nodes(cluster, workload.client(), prefix, (int) (o.opTimeoutSeconds() * 1000));
            Set<Object> keysUsed = ConcurrentHashMap.newKeySet();
            List<Fault> schedule = replaySchedule != null ? replaySchedule
                    : np.schedule().apply(new NemesisPackage.ScheduleParams(o.seed(),
                    (long) (o.timeLimitSeconds() * 1000), (long) (o.nemesisIntervalSeconds() * 1000), o.nemesisTargets(),
                    cluster.nodes()));
            long lastProcess;
            try (HistoryLog history = new HistoryLog(run.file(RunDir.HISTORY), startNanos)) {
                lastProcess = MainPhase.run(workload, nodes, history, o.concurrency(), o.rate(), o.seed(),
                        o.timeLimitSeconds(), np.nemesis(), schedule, cluster, run.file(RunDir.NEMESIS), interrupted,
                        keysUsed, log);
                test.put("main-phase-seconds", (System.nanoTime() - startNanos) / 1e9);

                // 3. recovery
                if (!interrupted.get()) {
                    long r0 = System.nanoTime();
                    Map<String, Object> recovery = new LinkedHashMap<>();
                    try {
                        healed = true;
                        np.nemesis().healAll(cluster);
                        Optional<String> leader = cluster.awaitReady(READY);
                        recovery.put("ok", true);
                        leader.ifPresent(l -> recovery.put("leader", l));
                    } catch (IOException e) {
                        recovery.put("ok", false);
                        recovery.put("error", e.getMessage());
                        log.info("recovery: " + e.getMessage());
                    } catch (Exception e) {
                        recovery.put("ok", false);
                        recovery.put("error", String.valueOf(e));
                        log.info("recovery: " + e);
                    }
                    recovery.put("seconds", Math.round((System.nanoTime() - r0) / 1e6) / 1000.0);
                    test.put("recovery", recovery);
                }

                // 4. final phase
                if (!interrupted.get()) {
                    var finals = workload.finalGenerator().apply(keysUsed);
                    if (!finals.isEmpty()) log.info("final phase: " + finals.size() + " ops (" + finals.get(0).f() + " …)");
                    FinalPhase.run(finals, nodes, history, lastProcess + 1);
                }
            }
            test.put("end", Instant.now().toString());
            test.put("interrupted", interrupted.get());

            // 6. tear down (before checking: the nodes' CPU is the checker's)
            tearDown(test, run);
            Json.write(run.file(RunDir.TEST), test);

            // 5. check
            log.info("checking …");
            Analysis.Outcome outcome = Analysis.run(run);
            for (String line : outcome.lines()) log.info(line);
            run.markLatest(o.store());
            return new Result(outcome.valid().exitCode(), run.dir());
        } catch (RuntimeException | IOException e) {
            // the user gets one line; the run's own log keeps the whole story
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            log.quiet("run failed: " + trace);
            // §1.6 on failure too: processes stopped, node data deleted unless --keep-data, test.json and
            // store/latest written, so the failed run can be found and read
            test.put("error", String.valueOf(e.getMessage() == null ? e : e.getMessage()));
            tearDownAfterFailure(test, run);
            // a bad argument is refused before the run directory exists; from here on it is the harness's fault
            if (e instanceof IllegalArgumentException) throw new IllegalStateException(e.getMessage(), e);
            throw e;
        } finally {
            try {
                // Servers the user runs outlive the run: leave no clock skewed and no compactor paused on them.
                if (!o.local() && cluster != null && !healed) healQuietly(np);
                if (cluster != null && !o.leaveDbRunning()) cluster.close();
            } finally {
                if (running != null) Files.deleteIfExists(running);
                finished.countDown();
                log.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignored) {
                    // already shutting down
                }
            }
        }
    }

    private void tearDown(Map<String, Object> test, RunDir run) throws IOException {
        if (!(cluster instanceof LocalCluster local)) return;
        // the first pass's record stands: after a failure this runs again, with the nodes already stopped
        test.putIfAbsent("unexpected-exits", local.unexpectedExits());
        if (o.leaveDbRunning()) {
            log.info("the cluster is left running: dkv cluster status --dir " + run.nodes() + "  /  dkv cluster stop --dir " + run.nodes());
            return;
        }
        local.close();
        if (!o.keepData()) {
            for (String id : local.nodes()) deleteAllBut(local.layout().nodeDir(id), Set.of("node.log"));
        }
    }

    private void tearDownAfterFailure(Map<String, Object> test, RunDir run) {
        try {
            test.put("end", Instant.now().toString());
            tearDown(test, run);
            Json.write(run.file(RunDir.TEST), test);
            run.markLatest(o.store());
        } catch (Exception again) {
            log.quiet("tear-down after the failure: " + again);
        }
    }

    /** Deletes a node's data, keeping its log. */
    static void deleteAllBut(Path dir, Set<String> keep) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (var entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                if (keep.contains(p.getFileName().toString())) continue;
                if (Files.isDirectory(p)) {
                    try (var walk = Files.walk(p)) {
                        for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
                    }
                } else {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Ctrl-C / SIGTERM: stop the workers, stop every node by PID, and give the run a moment to write its results. */
    private void onSignal() {
        interrupted.set(true);
        log.info("interrupted: stopping the run and its nodes");
        ClusterControl c = cluster;
        if (c != null && !o.leaveDbRunning()) c.close();
        try {
            // long enough for in-flight ops (op timeout), tear-down and a check of what was recorded (the
            // linearizability search alone may take its 60 s budget)
            finished.await((long) o.opTimeoutSeconds() + 120, TimeUnit.SECONDS);
        } catch (InterruptedException ignored) {
            // exiting anyway
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
