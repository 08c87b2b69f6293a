package deltakv.checker.elle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The model lattice: which anomalies models forbid, and the not / also-not boundary Elle reports. */
class ConsistencyModelsTest {
    @Test
    void g0RulesOutEverythingFromReadUncommittedUp() {
        ConsistencyModels.Boundary b = ConsistencyModels.boundary(List.of("G0"));
        assertEquals(Set.of("read-uncommitted"), b.not());
        assertEquals(List.of("causal-cerone", "consistent-view", "cursor-stability", "forward-consistent-view",
                "monotonic-atomic-view", "monotonic-snapshot-read", "monotonic-view", "parallel-snapshot-isolation",
                "prefix", "read-atomic", "read-committed", "repeatable-read", "serializable", "snapshot-isolation",
                "strong-read-committed", "strong-read-uncommitted", "strong-serializable",
                "strong-session-read-committed", "strong-session-read-uncommitted", "strong-session-serializable",
                "strong-session-snapshot-isolation", "strong-snapshot-isolation", "update-atomic",
                "update-serializable"), List.copyOf(b.alsoNot()));
    }

    @Test
    void writeSkewWithARealtimeCycleRulesOutRepeatableReadAndStrongSi() {
        ConsistencyModels.Boundary b = ConsistencyModels.boundary(
                List.of("G2-item", "PL-2.99-cycle-exists", "strong-snapshot-isolation-cycle-exists"));
        assertEquals(Set.of("repeatable-read", "strong-snapshot-isolation"), b.not());
        assertEquals(Set.of("serializable", "strong-serializable", "strong-session-serializable"), b.alsoNot());
    }

    @Test
    void prohibitedAnomaliesFollowTheLattice() {
        Set<String> si = ConsistencyModels.anomaliesProhibitedBy(List.of("snapshot-isolation"));
        assertTrue(si.containsAll(Set.of("G0", "G1a", "G1b", "G1c", "G-single-item", "G-nonadjacent-item",
                "internal", "lost-update", "incompatible-order", "dirty-update")), si.toString());
        assertFalse(si.contains("G2-item"));
        assertFalse(si.contains("G-single-item-realtime"));
        Set<String> ss = ConsistencyModels.anomaliesProhibitedBy(List.of("strict-serializable"));
        assertTrue(ss.containsAll(Set.of("G2-item", "G-single-item-realtime", "G0-realtime", "G1c-process")));
        Set<String> ru = ConsistencyModels.anomaliesProhibitedBy(List.of("read-uncommitted"));
        assertTrue(ru.containsAll(Set.of("G0", "duplicate-elements", "cyclic-versions")));
        assertFalse(ru.contains("G1c"));
    }

    @Test
    void unknownModelIsAOneLineError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConsistencyModels.validate(List.of("serializable", "nonsense")));
        assertTrue(e.getMessage().startsWith("unknown consistency model 'nonsense'"));
        assertFalse(e.getMessage().contains("\n"));
    }
}
