package deltakv.cli.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.nemesis.cluster.ClusterLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dkv cluster start --dir D} on an existing cluster directory restarts it with its saved layout
 * (ports, variant), and refuses options that would reinterpret its data.
 */
class ClusterRestartTest {
    @TempDir
    Path dir;

    @Test
    void restartReusesTheSavedLayoutAndRefusesAnotherVariant() throws Exception {
        Path d = dir.resolve("c");
        int base = ClusterLayout.freeBasePort(1);
        try {
            Harness.Outcome first = Harness.dkv("cluster", "start", "--dir", d.toString(), "--nodes", "1", "--variant", "rmw",
                    "--base-port", String.valueOf(base));
            assertEquals(0, first.code(), first.out() + first.err());
            assertEquals(0, Harness.dkv("cluster", "stop", "--dir", d.toString()).code());

            Harness.Outcome again = Harness.dkv("cluster", "start", "--dir", d.toString());
            assertEquals(0, again.code(), again.out() + again.err());
            assertTrue(again.out().contains("redis=" + base), "same port: " + again.out());
            assertEquals("rmw", ClusterLayout.load(d).variant());

            Harness.Outcome conflict = Harness.dkv("cluster", "start", "--dir", d.toString(), "--variant", "delta");
            assertEquals(254, conflict.code(), conflict.out() + conflict.err());
            assertTrue(conflict.err().contains("rmw"), conflict.err());
        } finally {
            Harness.dkv("cluster", "stop", "--dir", d.toString());
        }
        assertEquals(0, Harness.nodesUnder(d).size());
    }
}
