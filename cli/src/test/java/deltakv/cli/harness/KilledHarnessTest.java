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
 * A node the pause fault had stopped cannot notice anything: the resume guard wakes it, and it exits too.
 * SIGTERM (Ctrl-C) is the orderly stop: the nodes are stopped and what was recorded is still checked.
 */
class KilledHarnessTest {
    @TempDir
    Path store;

    @Test
    void nodesExitAndTheHistoryIsCheckable() throws Exception {
        Process harness = harness("--nemesis", "none", "--seed", "31");
        Path runDir;
        try {
            runDir = awaitHistory(harness);
            assertTrue(Harness.nodesUnder(store).size() == 3, "three nodes running mid-run");
        } finally {
            harness.destroyForcibly(); // SIGKILL: no shutdown hook runs
            harness.waitFor(10, TimeUnit.SECONDS);
        }
        assertNodesGoneWithin20s("nodes outlived their harness by 20 s");

        Harness.Outcome analyzed = Harness.dkv("analyze", runDir.toString());
        assertEquals(0, analyzed.code(), analyzed.out() + analyzed.err());
        assertTrue(analyzed.out().contains("stats: valid? true"), analyzed.out());
        assertTrue(Files.isRegularFile(runDir.resolve("results.json")));
    }

    @Test
    void aHarnessStoppedWithSigtermStopsItsNodesAndStillChecks() throws Exception {
        Process harness = harness("--nemesis", "none", "--seed", "33");
        Path runDir;
        try {
            runDir = awaitHistory(harness);
            harness.destroy(); // SIGTERM, as Ctrl-C: the shutdown hook stops the nodes, the run checks what it has
            assertTrue(harness.waitFor(60, TimeUnit.SECONDS), "the harness did not exit within 60 s of SIGTERM");
        } finally {
            harness.destroyForcibly();
        }
        String out = Files.readString(store.resolve("harness.out"));
        assertTrue(out.contains("interrupted: stopping the run and its nodes"), out);
        assertTrue(out.contains("stats: valid? true"), out);
        assertTrue(Files.isRegularFile(runDir.resolve("results.json")), out);
        assertTrue(Files.isRegularFile(runDir.resolve("latency-raw.png")), out);
        assertEquals(List.of(), Harness.nodesUnder(store), "nodes left after SIGTERM");
    }

    @Test
    void aNodePausedWhenTheHarnessDiesIsResumedAndExits() throws Exception {
        Process harness = harness("--name", "paused", "--nemesis", "pause", "--nemesis-interval", "4", "--seed", "32");
        ProcessHandle stopped = null;
        try {
            long deadline = System.currentTimeMillis() + 90_000;
            while (stopped == null && System.currentTimeMillis() < deadline) {
                assertTrue(harness.isAlive(), "harness exited early: " + Files.readString(store.resolve("harness.out")));
                for (ProcessHandle h : Harness.nodesUnder(store)) if (state(h) == 'T') stopped = h;
                Thread.sleep(50);
            }
            assertTrue(stopped != null, "no node was paused within 90 s: " + Files.readString(store.resolve("harness.out")));
        } finally {
            harness.destroyForcibly(); // SIGKILL while the node is stopped
            harness.waitFor(10, TimeUnit.SECONDS);
        }
        assertNodesGoneWithin20s("a paused node (pid " + stopped.pid() + ") outlived its harness by 20 s");
    }

    /** {@code dkv test --store STORE --time-limit 120 ARGS…} in its own JVM, output to harness.out. */
    private Process harness(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "test", "--store", store.toString(), "--time-limit", "120"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(store.resolve("harness.out").toFile()).start();
    }

    /** Waits (at most 90 s) until the run has recorded 200 history lines; returns its directory. */
    private Path awaitHistory(Process harness) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            Path runDir = runDir();
            if (runDir != null && Files.isRegularFile(runDir.resolve("history.edn"))
                    && Files.readAllLines(runDir.resolve("history.edn")).size() > 200) return runDir;
            assertTrue(harness.isAlive(), "harness exited early: " + Files.readString(store.resolve("harness.out")));
            Thread.sleep(200);
        }
        throw new AssertionError("no 200 history lines within 90 s: " + Files.readString(store.resolve("harness.out")));
    }

    /** Every node of the store gone within 20 s; any left is killed, and the test fails. */
    private void assertNodesGoneWithin20s(String message) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!Harness.nodesUnder(store).isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(100);
        List<ProcessHandle> left = Harness.nodesUnder(store);
        left.forEach(ProcessHandle::destroyForcibly); // SIGKILL works on a stopped process too
        assertEquals(List.of(), left, message);
    }

    /** The process state letter from /proc (T: stopped). */
    private static char state(ProcessHandle h) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(h.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (Exception e) {
            return '?';
        }
    }

    private Path runDir() throws Exception {
        Path test = store.resolve("list-append-none-delta");
        if (!Files.isDirectory(test)) return null;
        try (var s = Files.list(test)) {
            return s.findFirst().orElse(null);
        }
    }
}
