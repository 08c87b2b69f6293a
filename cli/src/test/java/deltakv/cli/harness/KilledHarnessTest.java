package deltakv.cli.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A harness killed with SIGKILL in the middle of a run cannot tear anything down itself: its nodes notice
 * the harness is gone and exit, and the history it streamed is still checkable by {@code dkv analyze}.
 */
class KilledHarnessTest {
    @TempDir
    Path store;

    @Test
    void nodesExitAndTheHistoryIsCheckable() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "test", "--store", store.toString(), "--nemesis", "none", "--time-limit", "120", "--seed", "31"));
        Process harness = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(store.resolve("harness.out").toFile()).start();
        Path runDir = null;
        try {
            long deadline = System.currentTimeMillis() + 90_000;
            while (System.currentTimeMillis() < deadline) {
                runDir = runDir();
                if (runDir != null && Files.isRegularFile(runDir.resolve("history.edn"))
                        && Files.readAllLines(runDir.resolve("history.edn")).size() > 200) break;
                assertTrue(harness.isAlive(), "harness exited early: " + Files.readString(store.resolve("harness.out")));
                Thread.sleep(200);
            }
            assertTrue(Harness.nodesUnder(store).size() == 3, "three nodes running mid-run");
        } finally {
            harness.destroyForcibly(); // SIGKILL: no shutdown hook runs
            harness.waitFor(10, TimeUnit.SECONDS);
        }
        long deadline = System.currentTimeMillis() + 20_000;
        while (!Harness.nodesUnder(store).isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(100);
        List<ProcessHandle> left = Harness.nodesUnder(store);
        left.forEach(ProcessHandle::destroyForcibly);
        assertEquals(List.of(), left, "nodes outlived their harness by 20 s");

        Harness.Outcome analyzed = Harness.dkv("analyze", runDir.toString());
        assertEquals(0, analyzed.code(), analyzed.out() + analyzed.err());
        assertTrue(analyzed.out().contains("stats: valid? true"), analyzed.out());
        assertTrue(Files.isRegularFile(runDir.resolve("results.json")));
    }

    private Path runDir() throws Exception {
        Path test = store.resolve("list-append-none-delta");
        if (!Files.isDirectory(test)) return null;
        try (var s = Files.list(test)) {
            return s.findFirst().orElse(null);
        }
    }
}
