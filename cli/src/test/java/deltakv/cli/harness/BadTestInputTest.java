package deltakv.cli.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad options, unreachable servers, unwritable stores and things that are not runs: one line, exit 254. */
class BadTestInputTest {
    @TempDir
    Path dir;

    private static void badArguments(Harness.Outcome o, String expected) {
        assertEquals(254, o.code(), o.err());
        assertEquals(1, o.err().lines().count(), "one line: " + o.err());
        assertTrue(o.err().contains(expected), o.err());
    }

    @Test
    void badTestOptionsAreRefusedBeforeAnythingStarts() throws Exception {
        Path store = dir.resolve("store");
        badArguments(Harness.test(store, "--workload", "nope"), "unknown workload 'nope' (known: list-append, rw-register, queue, deque, set, hash, zset, counter)");
        badArguments(Harness.test(store, "--variant", "fast"), "fast");
        badArguments(Harness.test(store, "--bug", "no-such-bug"), "unknown bug flag 'no-such-bug'");
        badArguments(Harness.test(store, "--bug", "stale-follower-reads"), "unknown bug flag 'stale-follower-reads' (offered: ");
        badArguments(Harness.test(store, "--nemesis", "kill", "--nemesis-targets", "bridge"), "leaves kill nothing to do");
        badArguments(Harness.test(store, "--nemesis", "partition", "--nemesis-targets", "moon"), "unknown nemesis target 'moon'");
        badArguments(Harness.test(store, "--nemesis", "clock,kill", "--connect", "127.0.0.1:6379"), "--nemesis kill needs a local cluster");
        badArguments(Harness.test(store, "--nemesis", "gremlins"), "unknown nemesis 'gremlins'");
        badArguments(Harness.test(store, "--pop-bounds", "lazy"), "--pop-bounds must be delta or claim-gc, got 'lazy'");
        badArguments(Harness.test(store, "--pop-bounds", "claim-gc", "--variant", "delta-cf"), "applies to the local nodes of variant delta only");
        badArguments(Harness.test(store, "--rate", "-1"), "--rate must be >= 0");
        badArguments(Harness.test(store, "--time-limit", "-5"), "--time-limit must be > 0");
        badArguments(Harness.test(store, "--concurrency", "0"), "--concurrency must be");
        badArguments(Harness.test(store, "--key-count", "0"), "--key-count must be >= 1");
        badArguments(Harness.test(store, "--key-dist", "zipf"), "zipf");
        badArguments(Harness.test(store, "--test-count", "0"), "--test-count must be >= 1");
        badArguments(Harness.test(store, "--connect", "localhost"), "'localhost' is not host:port");
        badArguments(Harness.test(store, "--connect", "127.0.0.1:1"), "cannot reach 127.0.0.1:1");
        badArguments(Harness.test(store, "--consistency-models", "strict-serialisable"), "unknown consistency model 'strict-serialisable'");
        badArguments(Harness.test(store, "--workload", "queue", "--consistency-models", "bogus"), "unknown consistency model 'bogus'");
        assertTrue(!Files.exists(store) || Files.list(store).findAny().isEmpty(), "nothing was stored");

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        badArguments(Harness.test(file, "--time-limit", "1"), "cannot write the store");
    }

    @Test
    void aCommandGroupWithoutItsCommandIsABadArgument() throws Exception {
        badArguments(Harness.dkv(), "dkv: give a command: ");
        badArguments(Harness.dkv("cluster"), "dkv cluster: give a command: start|status|stop");
        badArguments(Harness.dkv("bench"), "dkv bench: give a command: contended");
        badArguments(Harness.dkv("reproduce", "--list", "--all"), "--list takes no bug ids");
        badArguments(Harness.dkv("nightly", "--merge", dir.toString(), "--budget", "5m"), "--budget does not apply");
        badArguments(Harness.dkv("check", "--workload", "queue", "--time-limit", "-5", dir.toString()), "--time-limit must be 0");
        // a baseline without reference rows would fail the gate after the whole night (ratios against raw ops/s)
        Path raw = Files.writeString(dir.resolve("raw.json"),
                "{\"results\":[{\"variant\":\"rmw\",\"op\":\"rpush\",\"keys\":1,\"clients\":64,\"ops_per_s\":300.0}]}");
        badArguments(Harness.dkv("nightly", "--baseline", raw.toString(), "--store", dir.resolve("n").toString()),
                "has no redis-server reference rows");
    }

    @Test
    void analyzeRefusesWhatIsNotARun() throws Exception {
        badArguments(Harness.dkv("analyze", dir.resolve("missing").toString()), "no such directory");
        badArguments(Harness.dkv("analyze", dir.toString()), "is not a run directory (no test.json)");
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("test.json"), "{\"options\": ");
        badArguments(Harness.dkv("analyze", run.toString()), "corrupt test.json");
        Files.writeString(run.resolve("test.json"), "{\"options\": {\"workload\": \"list-append\"}}");
        badArguments(Harness.dkv("analyze", run.toString()), "test.json has no 'nemesis'");
        assertEquals(List.of("test.json"), Files.list(run).map(p -> p.getFileName().toString()).toList());
    }
}
