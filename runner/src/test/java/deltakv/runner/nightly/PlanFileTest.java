package deltakv.runner.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-written plans: what a nightly prints as plan.txt reads back as the same cells; mistakes name their line. */
class PlanFileTest {
    @TempDir
    Path dir;

    @Test
    void aPrintedPlanReadsBackAsTheSameCells() throws Exception {
        Plan p = Plan.night(1800, 3, 0);
        StringBuilder b = new StringBuilder("# last night\n\n");
        for (Cell c : p.cells()) b.append(c.planLine()).append('\n');
        Path f = Files.writeString(dir.resolve("plan.txt"), b.toString());
        assertEquals(p.cells(), PlanFile.read(f));
    }

    @Test
    void optionsAfterTheSecondsGoToDkvTest() {
        TestCell c = (TestCell) PlanFile.parse("test hash kill delta 5 --bug update-writes-delta");
        assertEquals(5, c.timeLimit());
        assertEquals(List.of("--bug", "update-writes-delta"), c.extra());
        assertTrue(c.args(9, Path.of("/s"), Path.of("/c")).containsAll(List.of("--seed", "9", "--bug", "update-writes-delta")));
        assertEquals(Matrix.TEST_SECONDS, ((TestCell) PlanFile.parse("test queue none rmw")).timeLimit());
        assertTrue(((TestCell) PlanFile.parse("test deque none delta 3")).args(1, Path.of("/s"), Path.of("/c")).contains("--push-lengths"));
    }

    @Test
    void mistakesNameTheFileAndLine() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.txt"), "test queue none rmw\ntest queue gremlins rmw\n");
        var e = assertThrows(IllegalArgumentException.class, () -> PlanFile.read(f));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("gremlins"), e.getMessage());
        for (String line : List.of("test nope none rmw", "test queue none fast", "test queue", "reproduce no-such-bug", "bench x")) {
            assertThrows(IllegalArgumentException.class, () -> PlanFile.parse(line), line);
        }
        Path twice = Files.writeString(dir.resolve("twice.txt"), "reproduce retry-new-seq\nreproduce retry-new-seq\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlanFile.read(twice)).getMessage().contains("twice"));
        Path empty = Files.writeString(dir.resolve("empty.txt"), "# nothing\n");
        assertThrows(IllegalArgumentException.class, () -> PlanFile.read(empty));
        assertThrows(IllegalArgumentException.class, () -> PlanFile.read(dir.resolve("missing.txt")));
    }
}
