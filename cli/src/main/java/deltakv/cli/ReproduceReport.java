package deltakv.cli;

import deltakv.runner.reproduce.Detection;
import deltakv.runner.reproduce.Reproduce;
import deltakv.runner.store.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code dkv reproduce} found over its scenarios and trials: the detection table printed at the end of a
 * multi-seed run, and the JSON of {@code --json} (every outcome plus the table), rewritten after each trial so
 * an interrupted benchmark keeps what it measured.
 */
final class ReproduceReport {
    private final List<Long> seeds;
    private final boolean control;
    private final List<Reproduce.Outcome> outcomes = new ArrayList<>();
    private final List<Map<String, Object>> records = new ArrayList<>();

    ReproduceReport(List<Long> seeds, boolean control) {
        this.seeds = List.copyOf(seeds);
        this.control = control;
    }

    void add(Reproduce.Outcome o, long seed) {
        outcomes.add(o);
        records.add(record(o, seed));
    }

    /** Writes atomically (a reader never sees half a file). */
    void write(Path file) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("seeds", seeds);
        doc.put("control", control);
        doc.put("outcomes", records);
        List<Map<String, Object>> table = new ArrayList<>();
        for (Detection d : Detection.of(outcomes)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("bug", d.bug());
            row.put("trials", d.trials());
            row.put("detected", d.detected());
            row.put("median-seconds", Double.isNaN(d.medianSeconds()) ? null : d.medianSeconds());
            row.put("controls", d.controls());
            row.put("controls-valid", d.controlsValid());
            table.add(row);
        }
        doc.put("detection", table);
        Json.write(file, doc);
    }

    void printTable(PrintStream out) {
        out.printf("%n%-26s %-9s %-10s %s%n", "bug", "detected", "median s", control ? "controls valid" : "");
        for (Detection d : Detection.of(outcomes)) {
            out.printf("%-26s %-9s %-10s %s%n", d.bug(), d.detected() + "/" + d.trials(),
                    Double.isNaN(d.medianSeconds()) ? "-" : ReproduceCommand.fmt(d.medianSeconds()),
                    d.controls() == 0 ? "" : d.controlsValid() + "/" + d.controls());
        }
    }

    private static Map<String, Object> record(Reproduce.Outcome o, long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bug", o.scenario().bug());
        m.put("seed", seed);
        m.put("command", o.scenario().command(seed));
        m.put("budget", o.scenario().budget());
        m.put("status", o.status().name().toLowerCase());
        m.put("anomalies", o.anomalies());
        m.put("seconds", o.seconds());
        m.put("runs", o.runs());
        m.put("run-dir", o.runDir() == null ? null : o.runDir().toString());
        m.put("control", o.control().name().toLowerCase().replace('_', '-'));
        m.put("control-dir", o.controlDir() == null ? null : o.controlDir().toString());
        return m;
    }
}
