package deltakv.cli.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.nemesis.cluster.ClusterLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
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
            Harness.Outcome bounds = Harness.dkv("cluster", "start", "--dir", d.toString(), "--pop-bounds", "claim-gc");
            assertEquals(254, bounds.code(), bounds.out() + bounds.err());
            assertTrue(bounds.err().contains("pop bounds claim-gc (the data is delta)"), bounds.err());
        } finally {
            Harness.dkv("cluster", "stop", "--dir", d.toString());
        }
        assertEquals(0, Harness.nodesUnder(d).size());
    }

    @Test
    void popBoundsAreSavedAndAnotherSettingIsRefused() throws Exception {
        Path d = dir.resolve("cg");
        int base = ClusterLayout.freeBasePort(1);
        try {
            Harness.Outcome first = Harness.dkv("cluster", "start", "--dir", d.toString(), "--nodes", "1",
                    "--pop-bounds", "claim-gc", "--base-port", String.valueOf(base));
            assertEquals(0, first.code(), first.out() + first.err());
            try (Jedis j = new Jedis("127.0.0.1", base)) {
                assertTrue(j.info("deltakv").contains("pop_bounds:claim-gc"), "the node runs with it");
            }
            assertEquals(0, Harness.dkv("cluster", "stop", "--dir", d.toString()).code());
            assertEquals("claim-gc", ClusterLayout.load(d).settings().popBounds());

            Harness.Outcome conflict = Harness.dkv("cluster", "start", "--dir", d.toString(), "--pop-bounds", "delta");
            assertEquals(254, conflict.code(), conflict.out() + conflict.err());
            assertTrue(conflict.err().contains("pop bounds delta (the data is claim-gc)"), conflict.err());
        } finally {
            Harness.dkv("cluster", "stop", "--dir", d.toString());
        }
        assertEquals(0, Harness.nodesUnder(d).size());
    }
}
