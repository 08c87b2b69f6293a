package deltakv.runner.nightly;

import deltakv.runner.store.Json;
import deltakv.runner.store.RunDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one cell as its own process and reads what it left: a test cell's run directory (found by its test name,
 * the newest run made after the cell started), a catalogue cell's {@code reproduce.json}. An exit code other than
 * 0, 1 or 2, or a cell that outlives its time-out, is a crash: recorded, and the nightly goes on.
 */
public final class CellRunner {
    private final Launcher launcher;
    private final Path store;
    /** The child running now, for the nightly's own shutdown: it is stopped with it. */
    private volatile Process current;
    /** Set by the nightly's shutdown: no child starts after it. */
    private boolean stopping;

    public CellRunner(Launcher launcher, Path store) {
        this.launcher = launcher;
        this.store = store;
    }

    public Row run(Cell cell, long seed, Path cellDir) throws IOException, InterruptedException {
        Files.createDirectories(cellDir);
        Path output = cellDir.resolve("output.txt");
        String before = RunDir.STAMP.format(java.time.LocalDateTime.now().minusSeconds(1));
        long t0 = System.nanoTime();
        int code = launch(cell.args(seed, store, cellDir), output, timeoutSeconds(cell));
        double seconds = Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
        if (cell instanceof TestCell t) return testRow(t, code, seconds, newestRun(t.testName(), before), output);
        return reproduceRow((ReproduceCell) cell, code, seconds, cellDir.resolve(ReproduceCell.OUTCOME), output);
    }

    /**
     * Runs {@code dkv ARGS} to its end or its time-out.
     *
     * @return its exit code, -1 when it was stopped at the time-out
     * @throws InterruptedException the nightly is being stopped (the child is stopped first)
     */
    public int launch(List<String> args, Path output, double timeoutSeconds) throws IOException, InterruptedException {
        Process p;
        synchronized (this) {
            if (stopping) throw new InterruptedException("the nightly is stopping");
            p = launcher.start(args, output);
            current = p;
        }
        try {
            if (p.waitFor((long) timeoutSeconds, TimeUnit.SECONDS)) return p.exitValue();
            stop(p);
            return -1;
        } catch (InterruptedException e) {
            stop(p);
            throw e;
        } finally {
            current = null;
        }
    }

    /** Stops the running child and starts no other (the nightly is being stopped): SIGTERM lets it stop its cluster. */
    public void stopCurrent() {
        Process p;
        synchronized (this) {
            stopping = true;
            p = current;
        }
        if (p != null) stop(p);
    }

    /** Generous: a cell's own timeouts end it long before, unless it hangs. */
    static double timeoutSeconds(Cell cell) {
        if (cell instanceof ReproduceCell r) return 2 * (r.scenario().budget() + 20 * Cell.RUN_OVERHEAD) + 600;
        return ((TestCell) cell).timeLimit() + 600;
    }

    private static void stop(Process p) {
        List<ProcessHandle> family = new ArrayList<>(p.descendants().toList());
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle h : family) h.destroyForcibly();
    }

    private Optional<Path> newestRun(String testName, String notBefore) throws IOException {
        Path dir = store.resolve(testName);
        if (!Files.isDirectory(dir)) return Optional.empty();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(d -> d.getFileName().toString().compareTo(notBefore) >= 0 && RunDir.isRun(d))
                    .max(java.util.Comparator.comparing(d -> d.getFileName().toString()));
        }
    }

    /** An exit code as Jepsen's {@code valid?}: true, false, unknown, or crashed for anything else. */
    public static String verdict(int code) {
        return switch (code) {
            case 0 -> "true";
            case 1 -> "false";
            case 2 -> "unknown";
            default -> "crashed";
        };
    }

    private static String crashStatus(int code) {
        return code == -1 ? "timed-out" : "crashed (exit " + code + ")";
    }

    private static Row testRow(TestCell t, int code, double seconds, Optional<Path> run, Path output) throws IOException {
        String valid = verdict(code);
        String status = switch (valid) {
            case "true" -> "valid";
            case "false" -> "invalid";
            case "unknown" -> "unknown";
            default -> crashStatus(code);
        };
        List<String> anomalies = List.of();
        long ops = 0;
        if (run.isPresent() && Files.isRegularFile(run.get().resolve(RunDir.RESULTS_JSON))) {
            try {
                Map<String, Object> results = Json.read(run.get().resolve(RunDir.RESULTS_JSON));
                anomalies = anomalies(results);
                if (results.get("stats") instanceof Map<?, ?> st) {
                    for (String k : List.of("ok-count", "fail-count", "info-count")) {
                        if (st.get(k) instanceof Number n) ops += n.longValue();
                    }
                }
            } catch (IOException e) {
                status += " (results.json unreadable)";
            }
        }
        String bug = bugOf(t.extra());
        return new Row(t.id(), "test", t.workload(), t.nemesis(), t.variant(), bug, valid, status, anomalies, ops, seconds,
                t.timeLimit(), code, null, run.map(Path::toString).orElse(null), output.toString());
    }

    private static Row reproduceRow(ReproduceCell r, int code, double seconds, Path outcome, Path output) {
        var s = r.scenario();
        String valid = verdict(code);
        String status = switch (valid) {
            case "true" -> "detected";
            case "false" -> "missed";
            case "unknown" -> "unknown";
            default -> crashStatus(code);
        };
        List<String> anomalies = List.of();
        double testSeconds = 0;
        String control = null;
        String runDir = null;
        try {
            if (Files.isRegularFile(outcome) && Json.read(outcome).get("outcomes") instanceof List<?> l && !l.isEmpty()
                    && l.get(0) instanceof Map<?, ?> o) {
                if (!valid.equals("crashed")) status = String.valueOf(o.get("status"));
                if (o.get("anomalies") instanceof List<?> a) anomalies = a.stream().map(String::valueOf).toList();
                if (o.get("seconds") instanceof Number n) testSeconds = n.doubleValue();
                control = o.get("control") == null ? null : String.valueOf(o.get("control"));
                runDir = o.get("run-dir") == null ? null : String.valueOf(o.get("run-dir"));
            }
        } catch (IOException e) {
            status += " (reproduce.json unreadable)";
        }
        return new Row(r.id(), "reproduce", s.workload(), s.nemesis(), s.variant(), s.bug(), valid, status, anomalies, 0,
                seconds, testSeconds, code, control, runDir, output.toString());
    }

    private static String bugOf(List<String> extra) {
        List<String> bugs = new ArrayList<>();
        for (int i = 0; i + 1 < extra.size(); i++) if (extra.get(i).equals("--bug")) bugs.add(extra.get(i + 1));
        return bugs.isEmpty() ? null : String.join(",", bugs);
    }

    /** Anomaly types named by every checker that was not valid. */
    static List<String> anomalies(Map<String, Object> results) {
        Set<String> out = new LinkedHashSet<>();
        for (Object v : results.values()) {
            if (v instanceof Map<?, ?> m && !Boolean.TRUE.equals(m.get("valid?")) && m.get("anomaly-types") instanceof List<?> l) {
                for (Object a : l) out.add(String.valueOf(a));
            }
        }
        return new ArrayList<>(out);
    }
}
