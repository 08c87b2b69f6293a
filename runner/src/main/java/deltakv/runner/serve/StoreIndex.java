package deltakv.runner.serve;

import deltakv.runner.nightly.Nightly;
import deltakv.runner.store.Json;
import deltakv.runner.store.RunDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the store on every request (no cache: runs appear and finish while the page is open). A run is a
 * {@code <test>/<stamp>/} directory with a test.json; one whose files are missing, half written or corrupt is
 * listed as incomplete rather than failing the page.
 */
public final class StoreIndex {
    private final Path store;

    public StoreIndex(Path store) {
        this.store = store;
    }

    /** Every run, newest first. */
    public List<RunEntry> runs() {
        List<RunEntry> out = new ArrayList<>();
        for (Path test : list(store)) {
            if (!Files.isDirectory(test) || Files.isSymbolicLink(test) || test.getFileName().toString().equals(Nightly.DIR)) continue;
            for (Path run : list(test)) {
                if (Files.isDirectory(run) && !Files.isSymbolicLink(run) && RunDir.isRun(run)) out.add(read(run));
            }
        }
        out.sort(Comparator.comparing(RunEntry::stamp).reversed());
        return out;
    }

    /** Nightly directories (with a nightly.json), newest first. */
    public List<Path> nightlies() {
        List<Path> out = new ArrayList<>();
        for (Path d : list(store.resolve(Nightly.DIR))) if (Files.isRegularFile(d.resolve("nightly.json"))) out.add(d);
        out.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return out;
    }

    @SuppressWarnings("unchecked")
    RunEntry read(Path run) {
        String rel = store.relativize(run).toString();
        String workload = "?";
        String nemesis = "?";
        String variant = "?";
        List<String> bugs = List.of();
        double seconds = 0;
        String valid = "incomplete";
        Double rate = null;
        List<Map<String, Object>> faults = List.of();
        try {
            Map<String, Object> t = Json.read(run.resolve(RunDir.TEST));
            if (t.get("options") instanceof Map<?, ?> o) {
                workload = String.valueOf(o.get("workload"));
                nemesis = String.valueOf(o.get("nemesis"));
            }
            variant = t.get("variant") == null ? "(connect)" : String.valueOf(t.get("variant"));
            if (t.get("bugs") instanceof List<?> b) bugs = b.stream().map(String::valueOf).toList();
            if (t.get("start") instanceof String s && t.get("end") instanceof String e) {
                seconds = Duration.between(Instant.parse(s), Instant.parse(e)).toMillis() / 1000.0;
            }
        } catch (IOException | RuntimeException e) {
            // being written, or corrupt: listed as incomplete
        }
        try {
            Path results = run.resolve(RunDir.RESULTS_JSON);
            if (Files.isRegularFile(results)) {
                Map<String, Object> r = Json.read(results);
                Object v = r.get("valid?");
                valid = v == null ? "incomplete" : String.valueOf(v);
                if (r.get("perf") instanceof Map<?, ?> p && p.get("ok-per-second") instanceof Number n) rate = n.doubleValue();
                if (r.get("faults") instanceof List<?> f) {
                    faults = f.stream().filter(x -> x instanceof Map<?, ?>).map(x -> (Map<String, Object>) x).toList();
                }
            }
        } catch (IOException | RuntimeException e) {
            valid = "incomplete";
        }
        return new RunEntry(rel, run.getParent().getFileName().toString(), run.getFileName().toString(), workload, nemesis, variant,
                bugs, valid, seconds, rate, faults);
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
