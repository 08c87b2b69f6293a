package deltakv.cli.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.runner.nightly.Row;
import deltakv.runner.nightly.Summary;
import deltakv.runner.store.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dkv nightly} with real cells, each its own process: three test cells and a catalogue entry, one cell
 * made invalid by a bug flag (exit 1); a crashing cell is recorded and the nightly goes on (exit 255). The cells are
 * a few seconds long (a plan file), the catalogue entry is the fastest row (ReproduceTest covers more of them).
 */
class NightlyTest {
    @TempDir
    Path dir;

    private Summary nightly(Harness.Outcome o) throws Exception {
        Path nightly = o.runDir();
        for (String f : List.of("nightly.txt", "nightly.json", "nightly.html", "plan.txt")) {
            assertTrue(Files.size(nightly.resolve(f)) > 0, f + " written");
        }
        return Summary.fromMap(Json.read(nightly.resolve("nightly.json")));
    }

    @Test
    void cellsAndCatalogueEntriesRunAndABugFlagMakesTheNightInvalid() throws Exception {
        Path store = dir.resolve("store");
        Path plan = Files.writeString(dir.resolve("plan.txt"), """
                test list-append none delta 3
                test hash none delta 4 --bug update-writes-delta
                test counter none delta-cf 3
                reproduce stale-follower-read
                """);
        Harness.Outcome o = Harness.dkv("nightly", "--plan", plan.toString(), "--store", store.toString(), "--seed", "1");
        Harness.assertNoNodesLeft(store);
        assertEquals(1, o.code(), o.out());
        Summary s = nightly(o);
        assertEquals(List.of("true", "false", "true", "true"), s.rows().stream().map(Row::valid).toList(), o.out());
        assertEquals(List.of("valid", "invalid", "valid", "detected"), s.rows().stream().map(Row::status).toList());
        assertEquals(List.of("valid"), s.catalogueRows().stream().map(Row::control).toList(), "controls valid");
        assertTrue(s.rows().get(1).anomalies().contains("nonlinearizable"), s.rows().get(1).anomalies().toString());
        for (Row r : s.rows()) assertTrue(Files.isDirectory(Path.of(r.runDir())), "run stored: " + r.runDir());
        assertTrue(s.rows().get(0).ops() > 0);
        String html = Files.readString(o.runDir().resolve("nightly.html"));
        assertTrue(html.contains("background:#FEB5DA") && html.contains("background:#6DB6FE"), "pink and blue");
        assertTrue(Files.readString(o.runDir().resolve("nightly.txt")).contains("exit 1:"));
        assertTrue(o.out().contains("[4/4] reproduce/stale-follower-read: detected"), "a progress line per cell");
    }

    @Test
    void aCrashedCellIsRecordedAndTheNightlyGoesOn() throws Exception {
        Path store = dir.resolve("store");
        Path plan = Files.writeString(dir.resolve("plan.txt"), """
                test queue none rmw 3 --connect 127.0.0.1:1
                test list-append none delta 3
                """);
        Harness.Outcome o = Harness.dkv("nightly", "--plan", plan.toString(), "--store", store.toString());
        Harness.assertNoNodesLeft(store);
        assertEquals(255, o.code(), o.out());
        Summary s = nightly(o);
        assertEquals(List.of("crashed", "true"), s.rows().stream().map(Row::valid).toList());
        assertTrue(Files.readString(Path.of(s.rows().get(0).output())).contains("cannot reach 127.0.0.1:1"), "the cell's output kept");

        // one machine's nightly merges into the same verdict
        Harness.Outcome m = Harness.dkv("nightly", "--merge", o.runDir().toString(), "--store", store.toString());
        assertEquals(255, m.code(), m.out());
        assertEquals(s.rows(), nightly(m).rows());

        Harness.Outcome bad = Harness.dkv("nightly", "--merge", store.toString(), "--store", store.toString());
        assertEquals(254, bad.code());
        assertTrue(bad.err().contains("is not a nightly directory"), bad.err());
        assertEquals(254, Harness.dkv("nightly", "--budget", "soon").code());
        assertEquals(254, Harness.dkv("nightly", "--shard", "3/2").code());
        assertEquals(254, Harness.dkv("nightly", "--plan", dir.resolve("missing").toString()).code());
    }
}
