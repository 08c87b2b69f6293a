package deltakv.cli.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.nemesis.cluster.ClusterLayout;
import deltakv.nemesis.cluster.LocalCluster;
import deltakv.nemesis.cluster.NodeSettings;
import deltakv.runner.store.Leftovers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose harness is gone but whose nodes are not (they did not get to notice) is swept by the next
 * run: its {@code store/running/<pid>} file names the cluster, and the nodes are stopped by PID.
 */
class LeftoverSweepTest {
    @TempDir
    Path store;

    @Test
    void theNextRunStopsNodesWhoseHarnessIsGone() throws Exception {
        Path nodes = store.resolve("t/run/nodes");
        ClusterLayout layout = new ClusterLayout(nodes, 1, ClusterLayout.freeBasePort(1), "delta", List.of(), false,
                NodeSettings.ENGINE_DEFAULTS);
        // started without watching this JVM: only the sweep can stop it
        LocalCluster cluster = LocalCluster.create(layout, List.of(), false);
        try {
            cluster.startAll();
            cluster.awaitLeader(Duration.ofSeconds(60));
            // the running file of a harness that no longer exists: a finished short-lived process
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            Files.createDirectories(store.resolve("running"));
            Files.writeString(store.resolve("running").resolve(String.valueOf(gone.pid())), nodes.toAbsolutePath() + "\n");
            // and one of a live harness (this JVM), which must be left alone
            Files.writeString(store.resolve("running").resolve(String.valueOf(ProcessHandle.current().pid())), "/nonexistent\n");

            List<String> swept = Leftovers.sweep(store);
            assertEquals(1, swept.size(), swept.toString());
            assertTrue(swept.get(0).contains("pid " + gone.pid()), swept.get(0));
            assertEquals(List.of(), Harness.nodesUnder(nodes));
            assertTrue(Files.exists(store.resolve("running").resolve(String.valueOf(ProcessHandle.current().pid()))));
            assertTrue(!Files.exists(store.resolve("running").resolve(String.valueOf(gone.pid()))));
        } finally {
            cluster.close();
        }
    }
}
