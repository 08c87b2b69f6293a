package deltakv.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The typed bug flags: every ANOMALIES.md row has one, ids parse back, and only implemented flags are offered. */
class BugTest {
    @Test
    void everyAnomaliesRowHasAFlagWithAUniqueId() {
        assertEquals(16, Bug.values().length);
        assertEquals(16, Arrays.stream(Bug.values()).map(Bug::id).distinct().count());
        for (Bug b : Bug.offered()) assertEquals(b, Bug.parse(b.id()));
    }

    @Test
    void unknownAndUnimplementedFlagsAreRefusedWithOneLine() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Bug.parse("no-such-bug"));
        assertTrue(unknown.getMessage().startsWith("unknown bug flag 'no-such-bug' (offered: stale-follower-read, "), unknown.getMessage());
        for (Bug b : Bug.values()) {
            if (b.implemented()) continue;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bug.parse(b.id()));
            assertTrue(e.getMessage().contains("is not implemented yet"), e.getMessage());
            assertFalse(Bug.describe().contains(b.id()), "not offered under --help: " + b);
        }
    }
}
