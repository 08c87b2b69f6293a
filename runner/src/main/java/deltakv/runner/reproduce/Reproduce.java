package deltakv.runner.reproduce;

import deltakv.runner.TestOptions;
import deltakv.runner.TestRun;
import deltakv.runner.store.Json;
import deltakv.runner.store.RunDir;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one catalogue scenario (CLI.md {@code dkv reproduce}): short {@code dkv test} runs with the bug flag and
 * fresh seeds ({@code seed}, {@code seed+1}, …) until one is invalid or the scenario's test-time budget is
 * spent. "Seconds to detection" is the test time spent up to and including the first invalid run. The
 * control runs the same seeds without the flag: every one must be valid.
 */
public final class Reproduce {
    /** How a scenario ended. */
    public enum Status { DETECTED, MISSED, UNKNOWN }

    /** What a control's runs said, all together. */
    public enum Control { NOT_RUN, VALID, INVALID, UNKNOWN }

    /**
     * @param anomalies      anomaly types of the failing checkers in the detecting run
     * @param seconds        test seconds to detection (or spent, when not detected)
     * @param runDir         the detecting run (or the last run)
     */
    public record Outcome(Scenario scenario, Status status, List<String> anomalies, double seconds, int runs, Path runDir,
                          Control control, Path controlDir) {
        /** CLI.md: 2 when a run was unknown, 1 when a bug was missed or a control failed, else 0. */
        public int exitCode() {
            if (status == Status.UNKNOWN || control == Control.UNKNOWN) return 2;
            if (status != Status.DETECTED || control == Control.INVALID) return 1;
            return 0;
        }
    }

    private Reproduce() {}

    /**
     * @param progress one line per run (the runs' own output goes to their dkv.log)
     * @throws IOException a run crashed (exit 255 for the command)
     */
    public static Outcome run(Scenario s, long seed, boolean control, Path store, PrintStream progress)
            throws IOException, InterruptedException {
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        double spent = 0;
        int runs = 0;
        boolean unknown = false;
        Path last = null;
        Status status = Status.MISSED;
        List<String> anomalies = List.of();
        while (spent < s.budget() && status != Status.DETECTED) {
            TestOptions o = s.options(seed + runs, store, true);
            TestRun.Result r = TestRun.run(o, quiet);
            runs++;
            spent += s.runSeconds();
            last = r.runDir();
            progress.printf("  %s run %d (seed %d): %s  %s%n", s.bug(), runs, o.seed(), verdict(r.exitCode()), r.runDir());
            if (r.exitCode() == 1) {
                status = Status.DETECTED;
                anomalies = anomalies(r.runDir());
            } else if (r.exitCode() == 2) {
                unknown = true;
            }
        }
        if (status != Status.DETECTED && unknown) status = Status.UNKNOWN;
        Control c = Control.NOT_RUN;
        Path controlDir = null;
        if (control) {
            c = Control.VALID;
            for (int i = 0; i < runs; i++) {
                TestOptions o = s.options(seed + i, store, false);
                TestRun.Result r = TestRun.run(o, quiet);
                controlDir = r.runDir();
                progress.printf("  %s control %d (seed %d): %s  %s%n", s.bug(), i + 1, o.seed(), verdict(r.exitCode()), r.runDir());
                if (r.exitCode() == 1) c = Control.INVALID;
                else if (r.exitCode() == 2 && c == Control.VALID) c = Control.UNKNOWN;
            }
        }
        return new Outcome(s, status, anomalies, spent, runs, last, c, controlDir);
    }

    private static String verdict(int exitCode) {
        return switch (exitCode) {
            case 0 -> "valid";
            case 1 -> "invalid";
            default -> "unknown";
        };
    }

    /** Anomaly types named by every checker that was not valid, in results.json's order. */
    @SuppressWarnings("unchecked")
    static List<String> anomalies(Path runDir) throws IOException {
        Path file = runDir.resolve(RunDir.RESULTS_JSON);
        if (!Files.isRegularFile(file)) return List.of();
        Set<String> out = new LinkedHashSet<>();
        for (Object v : Json.read(file).values()) {
            if (v instanceof Map<?, ?> m && Boolean.FALSE.equals(m.get("valid?")) && m.get("anomaly-types") instanceof List<?> l) {
                for (Object a : l) out.add(String.valueOf(a));
            }
        }
        return new ArrayList<>(out);
    }
}
