package deltakv.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The typed bug flags: every ANOMALIES.md row has one, ids parse back, a typo is refused with one line. */
class BugTest {
    @Test
    void everyAnomaliesRowHasAFlagWithAUniqueId() {
        assertEquals(17, Bug.values().length); // ANOMALIES.md's 16 and update-writes-delta
        assertEquals(17, Arrays.stream(Bug.values()).map(Bug::id).distinct().count());
        for (Bug b : Bug.offered()) assertEquals(b, Bug.parse(b.id()));
    }

    @Test
    void unknownFlagsAreRefusedWithOneLine() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Bug.parse("no-such-bug"));
        assertTrue(unknown.getMessage().startsWith("unknown bug flag 'no-such-bug' (offered: stale-follower-read, "), unknown.getMessage());
        for (Bug b : Bug.values()) assertTrue(Bug.describe().contains(b.id() + " "), "offered under --help: " + b);
    }
}
