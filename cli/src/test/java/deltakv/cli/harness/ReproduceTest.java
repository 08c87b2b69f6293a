package deltakv.cli.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.Bug;
import deltakv.runner.reproduce.Catalogue;
import deltakv.runner.reproduce.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code dkv reproduce}: the catalogue has a row for every bug flag; the fast scenarios catch their bug and
 * their controls (the correct engine on the same runs) stay valid. The whole catalogue over several seeds
 * is a benchmark (docs/anomalies.md), not a test.
 */
class ReproduceTest {
    @TempDir
    Path store;

    @AfterEach
    void noNodeLeftRunning() {
        Harness.assertNoNodesLeft(store);
    }

    @Test
    void everyBugFlagHasOneScenario() {
        assertEquals(Bug.values().length, Catalogue.all().size());
        for (Bug b : Bug.values()) assertTrue(Catalogue.find(b.id()).isPresent(), "no scenario for " + b);
        assertEquals(Bug.values().length, Catalogue.all().stream().map(Scenario::bug).distinct().count());
    }

    /** CI's handful: fast to detect, with a clean control (compactor-skips-gap also runs its nodes with --pop-bounds claim-gc). */
    @ParameterizedTest
    @ValueSource(strings = {"stale-follower-read", "read-keys-leader-only", "compactor-skips-gap"})
    void aFastScenarioCatchesItsBugAndItsControlIsValid(String bug) {
        Harness.Outcome o = Harness.dkv("reproduce", bug, "--control", "--store", store.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        String line = o.out().lines().filter(l -> l.startsWith(bug + " ")).findFirst().orElse("(no result line)");
        // CLI.md: id, detected yes/no, anomaly types, seconds to detection, run dir (then the control)
        String[] f = line.split("\\s+");
        assertEquals("yes", f[1], line);
        assertTrue(f[2].matches("[A-Za-z0-9,-]+") && !f[2].equals("-"), line);
        assertTrue(f[3].matches("[0-9.]+"), line);
        assertTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of(f[4])), line);
        assertEquals("control:", f[5], line);
        assertEquals("valid", f[6], line);
    }

    @Test
    void listShowsTheCatalogueAndBadIdsAreRefused() {
        Harness.Outcome list = Harness.dkv("reproduce", "--list");
        assertEquals(0, list.code(), list.err());
        for (Bug b : Bug.values()) {
            assertTrue(list.out().contains(b.id() + " "), b.id());
        }
        Harness.Outcome bad = Harness.dkv("reproduce", "no-such-bug");
        assertEquals(254, bad.code());
        assertEquals("dkv reproduce: no scenario 'no-such-bug' (dkv reproduce --list shows the catalogue)", bad.err());
        Harness.Outcome none = Harness.dkv("reproduce");
        assertEquals(254, none.code());
    }
}
