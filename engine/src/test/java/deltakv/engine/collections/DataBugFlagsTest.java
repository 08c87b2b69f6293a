package deltakv.engine.collections;

import deltakv.engine.Bug;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import deltakv.engine.EngineConfig;
import deltakv.engine.Variant;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bug flags of the data layer make the anomaly observable; the correct engine passes the same script. */
class DataBugFlagsTest {
    @TempDir
    Path dir;

    private static List<String> recycleScript(DataFixture f) {
        f.push("l", End.RIGHT, "a", "b");
        f.pop("l", End.LEFT, 1);      // claim on seq 0
        f.push("l", End.LEFT, "z");   // seq 0 again
        return f.range("l");
    }

    @Test
    void pushKeepsStaleClaimHidesTheNewElement() {
        try (DataFixture ok = new DataFixture(dir.resolve("ok"), Variant.DELTA)) {
            assertEquals(List.of("z", "b"), recycleScript(ok));
        }
        EngineConfig buggy = EngineConfig.defaults(Variant.DELTA).withBugs(Set.of(Bug.PUSH_KEEPS_STALE_CLAIM));
        try (DataFixture bad = new DataFixture(dir.resolve("bad"), buggy)) {
            assertNotEquals(List.of("z", "b"), recycleScript(bad));
        }
    }
}
