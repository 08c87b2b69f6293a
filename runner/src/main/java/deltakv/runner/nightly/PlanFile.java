package deltakv.runner.nightly;

import deltakv.nemesis.Nemeses;
import deltakv.runner.reproduce.Catalogue;
import deltakv.workloads.Workloads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plan written by hand ({@code dkv nightly --plan FILE}): re-run last night's failures, or a few chosen cells.
 * One cell per line, {@code #} starts a comment:
 * <pre>
 * test WORKLOAD NEMESIS VARIANT [SECONDS] [more dkv test options]
 * reproduce BUG-ID
 * </pre>
 * The lines {@code dkv nightly} prints in its plan are in this form.
 */
public final class PlanFile {
    private PlanFile() {}

    /** @throws IllegalArgumentException naming the file, the line and what is wrong with it */
    public static List<Cell> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("--plan: no such file: " + file);
        List<Cell> cells = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) continue;
            try {
                Cell c = parse(line);
                // a cell is known by its id (coverage, --merge): each may appear once
                if (cells.stream().anyMatch(x -> x.id().equals(c.id()))) throw new IllegalArgumentException("the same cell twice: " + c.planLine());
                cells.add(c);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--plan " + file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (cells.isEmpty()) throw new IllegalArgumentException("--plan " + file + ": no cells");
        return cells;
    }

    static Cell parse(String line) {
        List<String> w = Arrays.asList(line.split("\\s+"));
        switch (w.get(0)) {
            case "test" -> {
                if (w.size() < 4) throw new IllegalArgumentException("expected: test WORKLOAD NEMESIS VARIANT [SECONDS] [options]");
                Workloads.validate(w.get(1));
                Nemeses.create(w.get(2), List.of());
                if (!Matrix.VARIANTS.contains(w.get(3))) {
                    throw new IllegalArgumentException("unknown variant '" + w.get(3) + "' (expected " + String.join(", ", Matrix.VARIANTS) + ")");
                }
                double seconds = Matrix.TEST_SECONDS;
                int rest = 4;
                if (w.size() > 4 && w.get(4).matches("\\d+(\\.\\d+)?")) {
                    seconds = Double.parseDouble(w.get(4));
                    rest = 5;
                    if (seconds <= 0) throw new IllegalArgumentException("SECONDS must be > 0");
                }
                return new TestCell(w.get(1), w.get(2), w.get(3), seconds, w.subList(rest, w.size()));
            }
            case "reproduce" -> {
                if (w.size() != 2) throw new IllegalArgumentException("expected: reproduce BUG-ID");
                return new ReproduceCell(Catalogue.find(w.get(1)).orElseThrow(() ->
                        new IllegalArgumentException("no catalogue scenario '" + w.get(1) + "' (dkv reproduce --list)")));
            }
            default -> throw new IllegalArgumentException("a cell starts with 'test' or 'reproduce', not '" + w.get(0) + "'");
        }
    }
}
