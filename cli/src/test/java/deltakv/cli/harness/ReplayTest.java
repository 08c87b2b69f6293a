package deltakv.cli.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dkv replay}: a run with partitions, replayed — the recorded faults again at their planned times with
 * their draws (so "one" picks the same node), the same seed, a new run directory, the verdicts compared.
 */
class ReplayTest {
    @TempDir
    Path dir;

    @Test
    void replayRunsTheRecordedScheduleAgain() throws Exception {
        Path store = dir.resolve("store");
        Harness.Outcome first = Harness.test(store, "--nemesis", "partition", "--nemesis-targets", "one,majority",
                "--nemesis-interval", "2", "--time-limit", "6", "--seed", "5");
        assertEquals(0, first.code(), first.out() + first.err());
        Path original = first.runDir();

        Harness.Outcome again = Harness.dkv("replay", original.toString());
        assertEquals(0, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("replay: valid? true; original: valid? true (the same verdict)"), again.out());
        Path replay = again.runDir();
        assertNotEquals(original, replay);
        assertEquals(planned(original), planned(replay), "the same faults, times and draws");
        assertTrue(Files.readString(replay.resolve("test.json")).contains("\"replay-of\""));

        Harness.Outcome bad = Harness.dkv("replay", dir.toString());
        assertEquals(254, bad.code());
        assertTrue(bad.err().contains("is not a run directory"), bad.err());
    }

    /** The nemesis.edn lines without their actual times, leaders and outcomes: f, planned time, asked, draw. */
    private static List<String> planned(Path run) throws Exception {
        return Files.readAllLines(run.resolve("nemesis.edn")).stream()
                .map(l -> l.replaceAll("\\{:time \\d+, ", "{").replaceAll(", :leader .*", ""))
                .filter(l -> !l.contains(":draw 0")).toList();
    }
}
