package deltakv.runner.nightly;

import deltakv.runner.BuildInfo;
import deltakv.runner.store.Json;
import deltakv.runner.store.RunDir;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code dkv nightly} (CLI.md, docs/nightly.md): plans the night, prints the plan, runs each cell as its own
 * process into the store with a progress line per cell, then (with a baseline, on shard 1) the bench points and
 * the gate, and writes {@code nightly.txt}, {@code .json} and {@code .html} — after every cell, so a nightly cut
 * short still leaves what it did. {@link #merge} combines the shards of one night.
 */
public final class Nightly {
    /** Under the store: {@code store/nightly/<stamp>[-shard-I-of-N | -merged]/}. */
    public static final String DIR = "nightly";

    /**
     * @param seed     picks the rotation slice and seeds every run (default: the date, as days since 1970)
     * @param baseline a bench results file for the gate, or null
     * @param planFile cells to run instead of the rotation, or null
     * @param dryRun   print the plan and stop
     */
    public record Options(Path store, double budgetSeconds, long seed, Path baseline, int shard, int shards, Path planFile,
                          boolean dryRun) {}

    private final Options o;
    private final Launcher launcher;
    private final PrintStream out;

    private Nightly(Options o, Launcher launcher, PrintStream out) {
        this.o = o;
        this.launcher = launcher;
        this.out = out;
    }

    /**
     * @return the exit code (Summary's rule)
     * @throws IllegalArgumentException a bad option or plan file (exit 254, before anything runs)
     */
    public static int run(Options o, Launcher launcher, PrintStream out) throws IOException, InterruptedException {
        return new Nightly(o, launcher, out).run();
    }

    private int run() throws IOException, InterruptedException {
        if (o.baseline() != null) {
            if (!Files.isRegularFile(o.baseline())) throw new IllegalArgumentException("--baseline: no such file: " + o.baseline());
            // a file the gate cannot read is refused now, not after the whole night
            deltakv.runner.gate.BenchFile base = deltakv.runner.gate.BenchFile.read(o.baseline());
            if (!base.relative() || base.samples().isEmpty()) {
                throw new IllegalArgumentException("--baseline " + o.baseline() + (base.relative()
                        ? " has no measured point with its redis-server reference row" : " has no redis-server reference rows")
                        + ": the gate compares ratios to them (make it with docs/nightly.md's command)");
            }
            if (o.shard() == 1 && deltakv.nemesis.cluster.RedisServerProcess.binary() == null) {
                // the night's bench would have no reference rows, and the gate no ratios to compare
                throw new IllegalArgumentException("--baseline needs redis-server on PATH (the bench's reference; "
                        + "scripts/install-test-deps.sh installs it)");
            }
            String unlike = BenchStep.unlike(Json.read(o.baseline()));
            if (unlike != null) out.println("warning: " + unlike);
        }
        boolean bench = o.baseline() != null && o.shard() == 1;
        double benchSeconds = o.baseline() == null ? 0 : BenchStep.estimateSeconds();
        Plan night = o.planFile() != null
                ? Plan.explicit(PlanFile.read(o.planFile()), o.seed(), o.budgetSeconds() * o.shards())
                : Plan.night(o.budgetSeconds() * o.shards(), o.seed(), benchSeconds);
        Plan plan = night.shard(o.shard(), o.shards(), benchSeconds);

        printPlan(night, plan, bench, benchSeconds);
        if (o.dryRun()) return 0;
        Path store = o.store().toAbsolutePath();
        Path dir = create(store, o.shards() > 1 ? "-shard-" + o.shard() + "-of-" + o.shards() : "");
        StringBuilder lines = new StringBuilder();
        for (Cell c : plan.cells()) lines.append(c.planLine()).append('\n');
        Files.writeString(dir.resolve("plan.txt"), lines.toString());
        out.println("nightly directory: " + dir);
        out.flush();

        String started = Instant.now().toString();
        List<String> planned = plan.cells().stream().map(Cell::id).toList();
        List<String> nightPlan = night.cells().stream().map(Cell::id).toList();
        List<Row> rows = new ArrayList<>();
        CellRunner runner = new CellRunner(launcher, store);
        Thread hook = new Thread(runner::stopCurrent, "nightly-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Map<String, Object> gate = null;
        try {
            for (int i = 0; i < plan.cells().size(); i++) {
                Cell c = plan.cells().get(i);
                String tag = String.format("[%d/%d]", i + 1, plan.cells().size());
                out.printf("%s %s …%n", tag, c.id());
                out.flush();
                Path cellDir = dir.resolve("cells").resolve(String.format("%02d-%s", i + 1, c.id().replaceAll("[^A-Za-z0-9.+-]+", "_")));
                Row r = runner.run(c, o.seed(), cellDir);
                rows.add(r);
                out.printf("%s %s: %s  %.0f s  %s%n", tag, c.id(), r.status() + (r.anomalies().isEmpty() ? "" : " " + r.anomalies()),
                        r.seconds(), r.runDir() == null ? r.output() : r.runDir());
                out.flush();
                write(dir, summary(dir, started, null, night, plan, planned, nightPlan, rows, null, null));
            }
            if (bench) gate = benchAndGate(dir, runner);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // shutting down
            }
        }
        Summary s = summary(dir, started, Instant.now().toString(), night, plan, planned, nightPlan, rows, gate, coverage(store, rows));
        write(dir, s);
        out.println();
        out.print(SummaryText.render(s));
        out.println(dir);
        return s.exitCode();
    }

    private Summary summary(Path dir, String started, String finished, Plan night, Plan plan, List<String> planned,
                            List<String> nightPlan, List<Row> rows, Map<String, Object> gate, Summary.Coverage cov) {
        return new Summary(dir.getFileName().toString(), started, finished, o.seed(), o.budgetSeconds(), plan.shard(),
                plan.shards(), night.slice(), night.slices(), BuildInfo.gitCommit(), planned, nightPlan, rows, gate, cov);
    }

    private void printPlan(Plan night, Plan plan, boolean bench, double benchSeconds) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("dkv nightly: %d cells, about %.0f min of %s%s; seed %d%n", plan.cells().size(),
                (plan.estimateSeconds() + (bench ? benchSeconds : 0)) / 60, Budget.format(o.budgetSeconds()),
                o.shards() > 1 ? " (shard " + o.shard() + "/" + o.shards() + " of a " + night.cells().size() + "-cell night)" : "",
                o.seed()));
        if (night.slice() >= 0) {
            int rotation = Matrix.rotation().size();
            int inSlice = night.cells().size() - Matrix.sentinels().size();
            b.append(String.format("rotation slice %d of %d (%d cells; %d of the rotation's %d cells are left for other nights; "
                            + "%d nights with this budget cover the matrix)%n", night.slice() + 1, night.slices(), inSlice,
                    rotation - inSlice, rotation, night.slices()));
        } else if (o.planFile() == null) {
            b.append("the budget leaves no room beyond the sentinels: only they run\n");
        }
        if (bench) b.append(String.format("then the bench points (about %.0f min) and dkv gate against %s%n", benchSeconds / 60, o.baseline()));
        out.print(b);
        for (Cell c : plan.cells()) out.printf("  %-60s ~%.0f s%n", c.planLine(), c.estimateSeconds());
        out.flush();
    }

    /** The bench points into the nightly's directory, then dkv gate against the baseline; both as processes. */
    private Map<String, Object> benchAndGate(Path dir, CellRunner runner) throws IOException, InterruptedException {
        Path bdir = Files.createDirectories(dir.resolve("bench"));
        Path candidate = bdir.resolve("bench.json");
        out.printf("bench: %s …%n", String.join(" ", BenchStep.benchArgs(candidate, bdir.resolve("clusters"))));
        out.flush();
        Map<String, Object> gate = new LinkedHashMap<>();
        gate.put("baseline", o.baseline().toAbsolutePath().toString());
        gate.put("candidate", candidate.toString());
        int bench = runner.launch(BenchStep.benchArgs(candidate, bdir.resolve("clusters")), bdir.resolve("bench-output.txt"),
                2 * BenchStep.estimateSeconds() + 600);
        if (bench == 1 && Files.isRegularFile(candidate)) {
            // the bench's end check found lost or duplicated elements: the engine is wrong, nothing crashed
            gate.put("exit-code", 1);
            gate.put("verdict", "bench end check failed (lost or duplicated elements)");
            gate.put("output", bdir.resolve("bench-output.txt").toString());
            out.printf("gate: %s%n", gate.get("verdict"));
            return gate;
        }
        // exit 2: some points could not be measured (their rows say why): the gate still runs, and the night's gate
        // verdict is unknown at best
        if ((bench != 0 && bench != 2) || !Files.isRegularFile(candidate)) {
            gate.put("exit-code", 255);
            gate.put("verdict", "bench crashed (exit " + bench + ")");
            gate.put("output", bdir.resolve("bench-output.txt").toString());
            return gate;
        }
        Path gateOut = bdir.resolve("gate.txt");
        int code = runner.launch(BenchStep.gateArgs(o.baseline().toAbsolutePath(), candidate), gateOut, 300);
        if (bench == 2 && code == 0) {
            // the points it did measure passed, but some were not measured at all (a repeat's cluster without a
            // leader leaves fewer samples, which may still be enough for the test): not a pass
            code = 2;
        }
        gate.put("exit-code", code);
        gate.put("verdict", bench == 2 && code == 2 ? "unknown (the bench could not measure everything: see bench-output.txt)" : switch (code) {
            case 0 -> "pass";
            case 1 -> "fail";
            case 2 -> "unknown (too few samples, or a point the bench could not measure: see gate.txt)";
            default -> "crashed (exit " + code + ")";
        });
        gate.put("output", gateOut.toString());
        out.printf("gate: %s%n", gate.get("verdict"));
        return gate;
    }

    static Path create(Path store, String suffix) throws IOException {
        Path parent = store.resolve(DIR);
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the store " + store + ": " + e.getMessage());
        }
        return RunDir.createStamped(parent, suffix);
    }

    static void write(Path dir, Summary s) throws IOException {
        Json.write(dir.resolve("nightly.json"), s.toMap());
        Json.writeText(dir.resolve("nightly.txt"), SummaryText.render(s));
        Json.writeText(dir.resolve("nightly.html"), SummaryHtml.render(s, dir));
    }

    /** Matrix cells run by any nightly in the store (this one's rows included); nights = distinct seeds. */
    static Summary.Coverage coverage(Path store, List<Row> current) throws IOException {
        Set<String> matrix = new HashSet<>();
        for (Cell c : Matrix.all()) matrix.add(c.id());
        Set<String> covered = new HashSet<>();
        Set<Long> nights = new HashSet<>();
        for (Summary s : stored(store)) {
            nights.add(s.seed());
            for (Row r : s.rows()) if (matrix.contains(r.cell())) covered.add(r.cell());
        }
        for (Row r : current) if (matrix.contains(r.cell())) covered.add(r.cell());
        return new Summary.Coverage(covered.size(), matrix.size(), Math.max(1, nights.size()));
    }

    /** Every readable nightly.json in the store (a corrupt one is skipped: coverage is a hint, not a verdict). */
    static List<Summary> stored(Path store) throws IOException {
        Path parent = store.resolve(DIR);
        List<Summary> out = new ArrayList<>();
        if (!Files.isDirectory(parent)) return out;
        try (Stream<Path> dirs = Files.list(parent)) {
            for (Path d : dirs.sorted().toList()) {
                Path f = d.resolve("nightly.json");
                if (!Files.isRegularFile(f)) continue;
                try {
                    out.add(Summary.fromMap(Json.read(f)));
                } catch (IOException | RuntimeException e) {
                    // skipped
                }
            }
        }
        return out;
    }

    /**
     * {@code dkv nightly --merge DIR…}: the shards of one night (same seed, shards 1..N each once) as one summary in
     * {@code store/nightly/<stamp>-merged/}, rows in the night's plan order; the same files and exit-code rule.
     *
     * @throws IllegalArgumentException a directory that is not a nightly, or shards of different nights
     */
    public static int merge(List<Path> dirs, Path store, PrintStream out) throws IOException {
        List<Summary> shards = new ArrayList<>();
        for (Path d : dirs) {
            Path f = d.resolve("nightly.json");
            if (!Files.isRegularFile(f)) throw new IllegalArgumentException(d + " is not a nightly directory (no nightly.json)");
            try {
                shards.add(Summary.fromMap(Json.read(f)));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("corrupt " + f + ": " + e.getMessage());
            }
        }
        Summary first = shards.get(0);
        Set<Integer> seen = new HashSet<>();
        for (Summary s : shards) {
            if (s.seed() != first.seed() || s.shards() != first.shards() || !s.nightPlan().equals(first.nightPlan())) {
                throw new IllegalArgumentException(s.name() + " is from another night than " + first.name() + " (seed, shard count or plan differ)");
            }
            if (!seen.add(s.shard())) throw new IllegalArgumentException("shard " + s.shard() + " given twice");
        }
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= first.shards(); i++) if (!seen.contains(i)) missing.add(i + "/" + first.shards());
        List<Row> rows = new ArrayList<>();
        for (Summary s : shards) rows.addAll(s.rows());
        rows.sort(java.util.Comparator.comparingInt(r -> first.nightPlan().indexOf(r.cell())));
        Map<String, Object> gate = null;
        String started = first.started();
        List<String> unfinished = new ArrayList<>();
        for (Summary s : shards) {
            if (s.gate() != null) gate = s.gate();
            if (s.started() != null && (started == null || s.started().compareTo(started) < 0)) started = s.started();
            if (s.finished() == null) unfinished.add(s.shard() + "/" + s.shards());
        }
        // finished now: a cell a cut-short shard never ran counts as missing (exit 255)
        String finished = Instant.now().toString();
        Path abs = store.toAbsolutePath();
        Path dir = create(abs, "-merged");
        Summary merged = new Summary(dir.getFileName().toString(), started, finished, first.seed(), first.budgetSeconds() * first.shards(),
                1, 1, first.slice(), first.slices(), first.gitCommit(), first.nightPlan(), first.nightPlan(), rows, gate,
                coverage(abs, rows));
        write(dir, merged);
        StringBuilder plans = new StringBuilder();
        for (Path d : dirs) {
            Path f = d.resolve("plan.txt");
            if (Files.isRegularFile(f)) plans.append("# ").append(d.getFileName()).append('\n').append(Files.readString(f));
        }
        Files.writeString(dir.resolve("plan.txt"), plans.toString());
        out.print(SummaryText.render(merged));
        if (!missing.isEmpty()) out.println("missing shards: " + String.join(", ", missing) + " (their cells count as not run)");
        if (!unfinished.isEmpty()) out.println("shards that did not finish: " + String.join(", ", unfinished) + " (cells they did not run count as not run)");
        out.println(dir);
        return merged.exitCode();
    }
}
