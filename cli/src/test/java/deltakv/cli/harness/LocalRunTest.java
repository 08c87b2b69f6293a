package deltakv.cli.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.runner.store.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code dkv test} on real 3-node clusters (real node processes, Ratis, RocksDB, Jedis over TCP): the
 * correct engine passes each workload, calm and under every fault kind, and leaves HARNESS.md §5's files
 * (bug flags are caught in {@code ReproduceTest}); {@code dkv analyze} reproduces a verdict and tolerates a torn last line but
 * not corruption.
 */
class LocalRunTest {
    /** Every file of HARNESS.md §5 that applies to a run without a nemesis. */
    static final List<String> RUN_FILES = List.of("test.json", "history.edn", "results.edn", "results.json",
            "nemesis.edn", "latency-raw.png", "latency-quantiles.png", "rate.png", "timeline.html", "latency.hlog",
            "dkv.log", "summary.txt", "nodes/n1/node.log", "nodes/n2/node.log", "nodes/n3/node.log");

    @TempDir
    Path store;

    @AfterEach
    void noNodeLeftRunning() {
        Harness.assertNoNodesLeft(store);
    }

    @Test
    void listAppendOnDeltaIsValidLeavesEveryFileAndAnalyzeAgrees() throws Exception {
        Harness.Outcome run = Harness.test(store, "--nemesis", "none", "--time-limit", "8", "--seed", "11");
        assertEquals(0, run.code(), run.out() + run.err());
        assertEquals("valid? true", run.verdictLine());
        Path dir = run.runDir();
        for (String f : RUN_FILES) assertTrue(Files.isRegularFile(dir.resolve(f)), "missing " + f);
        assertEquals(dir.toRealPath(), store.resolve("latest").toRealPath());
        try (var s = Files.list(dir.resolve("nodes/n1"))) {
            assertEquals(List.of("node.log"), s.map(p -> p.getFileName().toString()).toList(), "node data is deleted");
        }
        Map<String, Object> results = Json.read(dir.resolve("results.json"));
        assertEquals(true, results.get("valid?"));
        assertTrue(Files.readString(dir.resolve("history.edn")).lines().count() > 100, "a real history");
        assertTrue(Files.readString(dir.resolve("summary.txt")).contains("elle: valid? true"));

        Harness.Outcome again = Harness.dkv("analyze", dir.toString());
        assertEquals(0, again.code(), again.out() + again.err());
        assertEquals("valid? true", again.verdictLine());

        // a torn last line (a harness killed mid-write) is dropped with a warning
        Files.writeString(dir.resolve("history.edn"), "{:index 999999, :time 1, :ty", StandardOpenOption.APPEND);
        Harness.Outcome torn = Harness.dkv("analyze", dir.toString());
        assertEquals(0, torn.code(), torn.out() + torn.err());
        assertTrue(torn.out().contains("torn last line"), torn.out());

        // corruption in the middle is an error: one line, exit 254, and the stored history is untouched
        List<String> lines = Files.readAllLines(dir.resolve("history.edn"));
        lines.set(lines.size() / 2, "{:index oops");
        Files.write(dir.resolve("history.edn"), lines);
        Harness.Outcome corrupt = Harness.dkv("analyze", dir.toString());
        assertEquals(254, corrupt.code());
        assertEquals(1, corrupt.err().lines().count(), corrupt.err());
        assertTrue(corrupt.err().startsWith("dkv analyze: corrupt history"), corrupt.err());
        assertEquals(lines, Files.readAllLines(dir.resolve("history.edn")));
    }

    /** Every workload, under every fault kind at once (2 s apart), ends valid on the correct engine. */
    @ParameterizedTest
    // zset and counter under faults: results/nemesis-all-collections-*.json (scripts/nemesis-all.sh), kept out of CI's time
    @CsvSource({"list-append,rmw", "queue,delta", "rw-register,delta", "deque,rmw", "set,delta-cf", "hash,delta"})
    void everyWorkloadIsValidUnderEveryFault(String workload, String variant) throws Exception {
        Harness.Outcome run = Harness.test(store, "--nemesis", "all", "--nemesis-interval", "2", "--workload", workload,
                "--variant", variant, "--time-limit", "8", "--seed", "12");
        Path dir = run.runDir();
        for (String f : RUN_FILES) assertTrue(Files.isRegularFile(dir.resolve(f)), "missing " + f);
        String summary = Files.readString(dir.resolve("summary.txt"));
        // Safety is what this asserts. Availability is not promised with every fault kind every 2 s: in 8 s a rare op
        // (hash :del, ~5% of ops, of some 40 that succeed) sometimes never succeeds, and Jepsen's stats checker
        // then says invalid (2 of 6 runs of hash/delta on 2026-12-08, docs/harness.md). That alone is tolerated.
        List<String> invalid = summary.lines().filter(l -> l.contains("valid? false")).toList();
        boolean onlyAnOpNeverSucceeded = !invalid.isEmpty() && invalid.stream().allMatch(l ->
                l.equals("valid? false") || (l.startsWith("stats: valid? false") && l.contains("op ever succeeded)")));
        if (onlyAnOpNeverSucceeded) {
            assertEquals(1, run.code(), run.out() + run.err());
            assertTrue(summary.lines().anyMatch(l -> l.startsWith("stats: valid? false  ok ") && !l.startsWith("stats: valid? false  ok 0 ")),
                    "some ops succeeded: " + summary);
        } else {
            assertEquals(0, run.code(), run.out() + run.err());
            assertTrue(invalid.isEmpty(), "every checker valid: " + summary);
        }
        assertFalse(summary.contains("valid? unknown"), summary);
        List<String> faults = Files.readAllLines(dir.resolve("nemesis.edn"));
        long kinds = faults.stream().filter(l -> l.contains(":f :start-")).map(l -> l.replaceAll(".*:f :start-(\\S+),.*", "$1"))
                .distinct().count();
        assertTrue(kinds >= 4, "most fault kinds started within 8 s: " + faults);
        // who led as each fault began (HARNESS.md §4); at least the first fault finds a leader
        assertTrue(faults.stream().allMatch(l -> l.contains(":leader ")), faults.toString());
        assertTrue(faults.get(0).matches(".*:leader \"n[1-3]\".*"), faults.get(0));
        if (faults.stream().anyMatch(l -> l.contains(":f :start-clock"))) assertTrue(Files.isRegularFile(dir.resolve("clock.png")));
        if (workload.equals("queue")) {
            assertTrue(Files.readString(dir.resolve("history.edn")).contains(":f :drain"), "the final phase drains");
        }
    }

    /** A planted cardinality bug (HSET of an existing field counts it again) is caught by the hash workload. */
    @Test
    void thePlantedCardinalityBugIsCaught() throws Exception {
        Harness.Outcome run = Harness.test(store, "--nemesis", "none", "--workload", "hash", "--key-count", "4",
                "--bug", "update-writes-delta", "--time-limit", "6", "--seed", "13");
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("linear: valid? false  anomalies: nonlinearizable"), run.out());
    }
}
