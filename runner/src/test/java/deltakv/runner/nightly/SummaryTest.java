package deltakv.runner.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.runner.store.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit-code rule, the files, and --merge: the shards of a night merge into what one machine would have written. */
class SummaryTest {
    @TempDir
    Path store;

    private static Row row(Cell c, String valid) {
        boolean rep = c instanceof ReproduceCell;
        String status = rep ? (valid.equals("true") ? "detected" : "missed") : switch (valid) {
            case "true" -> "valid";
            case "false" -> "invalid";
            default -> valid;
        };
        int code = switch (valid) {
            case "true" -> 0;
            case "false" -> 1;
            case "unknown" -> 2;
            default -> 255;
        };
        return new Row(c.id(), rep ? "reproduce" : "test", "queue", "none", "delta", null, valid, status, List.of(), 10, 1.5, 3,
                code, rep ? "valid" : null, null, "/x/output.txt");
    }

    private static Summary summary(Plan night, Plan mine, List<Row> rows, Map<String, Object> gate) {
        return new Summary("n", "2026-12-07T00:00:00Z", "2026-12-07T01:00:00Z", night.seed(), 600, mine.shard(), mine.shards(),
                night.slice(), night.slices(), "abc", mine.cells().stream().map(Cell::id).toList(),
                night.cells().stream().map(Cell::id).toList(), rows, gate, new Summary.Coverage(1, 185, 1));
    }

    @Test
    void exitCodesFollowJepsensTestAll() {
        Plan p = Plan.night(900, 1, 0);
        List<Cell> cs = p.cells();
        List<Row> rows = new ArrayList<>();
        for (Cell c : cs) rows.add(row(c, "true"));
        assertEquals(0, summary(p, p, rows, null).exitCode());
        assertEquals(1, summary(p, p, rows, Map.of("exit-code", 1, "verdict", "fail")).exitCode());
        rows.set(1, row(cs.get(1), "false"));
        assertEquals(1, summary(p, p, rows, null).exitCode());
        rows.set(2, row(cs.get(2), "false")); // a missed bug
        assertEquals(1, summary(p, p, rows, null).exitCode());
        rows.set(3, row(cs.get(3), "unknown"));
        assertEquals(2, summary(p, p, rows, null).exitCode());
        rows.set(4, row(cs.get(4), "crashed"));
        assertEquals(255, summary(p, p, rows, null).exitCode());
        rows.set(4, row(cs.get(4), "true"));
        rows.remove(rows.size() - 1); // finished with a planned cell missing
        assertEquals(255, summary(p, p, rows, null).exitCode());
    }

    @Test
    void aSummaryRoundTripsThroughItsJson() throws Exception {
        Plan p = Plan.night(900, 1, 0);
        List<Row> rows = p.cells().stream().map(c -> row(c, "true")).toList();
        Summary s = summary(p, p, rows, Map.of("exit-code", 0, "verdict", "pass"));
        Path dir = Files.createDirectories(store.resolve("nightly/a"));
        Nightly.write(dir, s);
        assertEquals(s, Summary.fromMap(Json.read(dir.resolve("nightly.json"))));
        String html = Files.readString(dir.resolve("nightly.html"));
        assertTrue(html.contains("background:#6DB6FE"), "valid runs are blue");
        assertTrue(Files.readString(dir.resolve("nightly.txt")).contains("exit 0:"));
    }

    @Test
    void theShardsOfANightMergeIntoWhatOneMachineWouldHaveWritten() throws Exception {
        Plan night = Plan.night(3 * 900, 7, 0);
        List<Row> all = new ArrayList<>();
        for (int i = 0; i < night.cells().size(); i++) all.add(row(night.cells().get(i), i == 4 ? "false" : "true"));
        Summary single = summary(night, night, all, null);
        List<Path> dirs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Plan mine = night.shard(i, 3);
            List<Row> rows = all.stream().filter(r -> mine.cells().stream().anyMatch(c -> c.id().equals(r.cell()))).toList();
            Path d = Files.createDirectories(store.resolve("shards/" + i));
            Nightly.write(d, summary(night, mine, rows, null));
            dirs.add(d);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Nightly.merge(List.of(dirs.get(2), dirs.get(0), dirs.get(1)), store, new PrintStream(out));
        assertEquals(single.exitCode(), code);
        Summary merged = Nightly.stored(store).get(0);
        assertEquals(single.rows(), merged.rows());
        assertEquals(single.planned(), merged.planned());
        assertEquals(single.exitCode(), merged.exitCode());

        // a missing shard: its cells have no result
        assertEquals(255, Nightly.merge(dirs.subList(0, 2), store, new PrintStream(out)));
        assertTrue(out.toString().contains("missing shards: 3/3"), out.toString());
        // a shard cut short (no finish time, half its rows): the merged night has cells without a result
        Plan two = night.shard(2, 3);
        List<Row> half = all.stream().filter(r -> two.cells().stream().anyMatch(c -> c.id().equals(r.cell()))).limit(2).toList();
        Summary cut = summary(night, two, half, null);
        cut = new Summary(cut.name(), cut.started(), null, cut.seed(), cut.budgetSeconds(), cut.shard(), cut.shards(), cut.slice(),
                cut.slices(), cut.gitCommit(), cut.planned(), cut.nightPlan(), cut.rows(), null, cut.coverage());
        Path cutDir = Files.createDirectories(store.resolve("shards/2-cut"));
        Nightly.write(cutDir, cut);
        assertEquals(255, Nightly.merge(List.of(dirs.get(0), cutDir, dirs.get(2)), store, new PrintStream(out)));
        assertTrue(out.toString().contains("shards that did not finish: 2/3"), out.toString());

        // not a nightly, a shard twice
        assertThrows(IllegalArgumentException.class, () -> Nightly.merge(List.of(store), store, new PrintStream(out)));
        assertThrows(IllegalArgumentException.class, () -> Nightly.merge(List.of(dirs.get(0), dirs.get(0)), store, new PrintStream(out)));
    }
}
