package deltakv.runner.analysis;

import deltakv.checker.CheckResult;
import deltakv.checker.Checker;
import deltakv.checker.ResultFiles;
import deltakv.checker.Validity;
import deltakv.checker.history.History;
import deltakv.runner.TestOptions;
import deltakv.runner.report.ClockPlot;
import deltakv.runner.report.FaultPeriod;
import deltakv.runner.report.HdrLog;
import deltakv.runner.report.Plots;
import deltakv.runner.report.Timeline;
import deltakv.runner.store.Json;
import deltakv.runner.store.RunDir;
import deltakv.workloads.Workload;
import deltakv.workloads.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The check step (HARNESS.md §1.5), the same for a run that just ended and for {@code dkv analyze}: reads
 * {@code test.json} and {@code history.edn}, runs the workload's checkers, Jepsen's stats check and the
 * node-health check, computes performance statistics, and writes {@code results.edn}/{@code .json},
 * explanation files, plots, the timeline, {@code latency.hlog} and {@code summary.txt}. The run's verdict
 * is the worst of its checks: false over unknown over true.
 */
public final class Analysis {
    /** Explanations can run to thousands of lines (every cycle Elle found): the console shows the start. */
    private static final int SHOWN_EXPLANATION_LINES = 12;

    private Analysis() {}

    /** The verdict and the lines to print (also written to summary.txt), the run directory last. */
    public record Outcome(Validity valid, List<String> lines) {}

    @SuppressWarnings("unchecked")
    public static Outcome run(RunDir run) throws IOException {
        Map<String, Object> test = Json.read(run.file(RunDir.TEST));
        if (!(test.get("options") instanceof Map<?, ?> stored)) throw new IllegalArgumentException("test.json has no 'options'");
        TestOptions options = TestOptions.fromMap((Map<String, Object>) stored);
        StoredHistory.Loaded loaded = StoredHistory.read(run.file(RunDir.HISTORY));
        History history = loaded.history();
        Workload workload = Workloads.create(options.workload(), options.workloadOptions());

        List<String> lines = new ArrayList<>();
        if (loaded.warning() != null) lines.add("warning: " + loaded.warning());
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("valid?", true); // replaced below; keeps :valid? first
        Validity valid = Validity.TRUE;
        Set<Long> blamed = new TreeSet<>();
        for (Map.Entry<String, Checker> e : workload.checkers().entrySet()) {
            long t0 = System.nanoTime();
            CheckResult r;
            Map<String, Object> data;
            try {
                r = e.getValue().check(history.ops());
                data = new LinkedHashMap<>(r.toData());
                // Elle's result writes its own elle/ folder; other checkers' files go in a folder named after them
                boolean elle = e.getKey().equals("elle");
                Path out = run.dir().resolve(e.getKey());
                Files.createDirectories(out);
                r.writeFiles(elle ? run.dir() : out);
                deleteIfEmpty(out);
            } catch (RuntimeException x) {
                // a checker that cannot decide (e.g. a history shape it does not support) is unknown, never a pass
                r = null;
                data = new LinkedHashMap<>();
                data.put("valid?", "unknown");
                data.put("error", x.getMessage() == null ? x.toString() : x.getMessage());
            }
            data.put("check-seconds", Perf.round((System.nanoTime() - t0) / 1e9));
            results.put(e.getKey(), data);
            Validity v = r == null ? Validity.UNKNOWN : r.valid();
            valid = worst(valid, v);
            indices(data, blamed);
            StringBuilder line = new StringBuilder(e.getKey() + ": valid? " + name(v));
            if (r != null && !r.anomalyTypes().isEmpty()) line.append("  anomalies: ").append(String.join(" ", r.anomalyTypes()));
            if (r == null) line.append("  (").append(data.get("error")).append(")");
            lines.add(line.toString());
            if (r != null && v != Validity.TRUE && !r.explanation().isEmpty()) {
                List<String> text = r.explanation().lines().filter(l -> !l.isBlank()).toList();
                text.stream().limit(SHOWN_EXPLANATION_LINES).forEach(l -> lines.add("  " + l));
                if (text.size() > SHOWN_EXPLANATION_LINES) {
                    lines.add("  … " + (text.size() - SHOWN_EXPLANATION_LINES) + " more lines in results.edn and the checker's files");
                }
            }
        }

        List<Completed> ops = Completed.of(history);
        Map<String, Object> stats = Stats.check(ops, Stats.internalErrors(history));
        results.put("stats", stats);
        valid = worst(valid, Boolean.TRUE.equals(stats.get("valid?")) ? Validity.TRUE : Validity.FALSE);
        lines.add("stats: valid? " + stats.get("valid?") + "  ok " + stats.get("ok-count") + "  fail "
                + stats.get("fail-count") + "  info " + stats.get("info-count")
                + (stats.containsKey("error") ? "  (" + stats.get("error") + ")" : ""));

        List<String> exits = (List<String>) test.getOrDefault("unexpected-exits", List.of());
        Map<String, Object> nodes = NodeHealth.check(run.nodes(), exits);
        results.put("nodes", nodes);
        valid = worst(valid, Boolean.TRUE.equals(nodes.get("valid?")) ? Validity.TRUE : Validity.FALSE);
        if (!exits.isEmpty() || !((List<?>) nodes.get("out-of-memory")).isEmpty() || (long) nodes.get("error-line-count") > 0) {
            lines.add("nodes: valid? " + nodes.get("valid?") + "  unexpected exits " + exits.size()
                    + "  out-of-memory " + ((List<?>) nodes.get("out-of-memory")).size()
                    + "  ERROR lines " + nodes.get("error-line-count"));
            for (String x : exits) lines.add("  " + x);
        }

        // the history's own span: a run cut short (Ctrl-C, a killed harness) has fewer seconds than asked
        double seconds = history.size() == 0 ? 0 : history.get(history.size() - 1).time() / 1e9;
        Map<String, Object> perf = Perf.of(ops, seconds);
        results.put("perf", perf);
        Map<String, Object> lat = (Map<String, Object>) perf.get("latency-ms");
        lines.add("perf: " + perf.get("ok-per-second") + " ok/s  latency ms p50 " + lat.get("p50") + "  p99 "
                + lat.get("p99") + "  max " + lat.get("max"));
        if (test.get("recovery") instanceof Map<?, ?> rec) results.put("recovery", rec);
        List<Map<String, Object>> faults = Unavailability.of(history);
        if (!faults.isEmpty()) {
            results.put("faults", faults);
            double worst = faults.stream().mapToDouble(f -> f.get("unavailable-s") instanceof Number n ? n.doubleValue() : 0).max().orElse(0);
            long never = faults.stream().filter(f -> !(f.get("unavailable-s") instanceof Number)).count();
            lines.add("faults: " + faults.size() + "  longest fault start → next ok write " + worst + " s"
                    + (never > 0 ? "  (" + never + " with no write after)" : ""));
        }

        results.put("valid?", name(valid).equals("unknown") ? "unknown" : valid == Validity.TRUE);
        ResultFiles.write(new Data(results), run.dir());

        List<FaultPeriod> bands = FaultPeriod.of(history, (List<Map<String, Object>>) test.getOrDefault("plot-bands", List.of()));
        Plots.write(run.dir(), ops, bands);
        ClockPlot.write(run.file("clock.png"), history, bands, Plots.end(ops));
        Timeline.write(run.file("timeline.html"), history, blamed, options.testName());
        HdrLog.write(run.file("latency.hlog"), ops);

        lines.add("valid? " + name(valid));
        lines.add(run.dir().toString());
        Files.write(run.file(RunDir.SUMMARY), lines);
        return new Outcome(valid, lines);
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            if (s.findAny().isEmpty()) Files.delete(dir);
        }
    }

    static Validity worst(Validity a, Validity b) {
        if (a == Validity.FALSE || b == Validity.FALSE) return Validity.FALSE;
        if (a == Validity.UNKNOWN || b == Validity.UNKNOWN) return Validity.UNKNOWN;
        return Validity.TRUE;
    }

    static String name(Validity v) {
        return switch (v) {
            case TRUE -> "true";
            case FALSE -> "false";
            case UNKNOWN -> "unknown";
        };
    }

    private static final java.util.regex.Pattern OP_INDEX = java.util.regex.Pattern.compile("\\{:index (\\d+)");

    /** Op indices a checker's result names (under "index" keys): the timeline keeps the ops around them. */
    private static void indices(Object v, Set<Long> out) {
        if (out.size() > 1000) return;
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> {
                if (String.valueOf(k).endsWith("index") && x instanceof Number n) out.add(n.longValue());
                else indices(x, out);
            });
        } else if (v instanceof List<?> l) {
            for (Object x : l) indices(x, out);
        } else if (v instanceof deltakv.checker.history.Op op) {
            out.add(op.index());
        } else if (v instanceof String text) {
            // explanations carry ops as their EDN text: {:index 617, :time …}
            java.util.regex.Matcher m = OP_INDEX.matcher(text);
            while (m.find() && out.size() <= 1000) out.add(Long.parseLong(m.group(1)));
        }
    }

    /** The merged results as a CheckResult, so they are written exactly like {@code dkv check --out}. */
    private record Data(Map<String, Object> data) implements CheckResult {
        @Override
        public Validity valid() {
            return Validity.TRUE;
        }

        @Override
        public List<String> anomalyTypes() {
            return List.of();
        }

        @Override
        public String explanation() {
            return "";
        }

        @Override
        public Map<String, Object> toData() {
            return data;
        }
    }
}
