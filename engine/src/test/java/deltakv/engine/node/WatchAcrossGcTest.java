package deltakv.engine.node;

import static deltakv.engine.node.NodeAdminTest.cast;
import static deltakv.engine.node.NodeAdminTest.cmd;
import static deltakv.engine.node.NodeAdminTest.text;
import static org.junit.jupiter.api.Assertions.assertNull;

import deltakv.engine.Variant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;

/**
 * A WATCH held past version GC's retention window still sees a delete made after it: the watch pins its
 * snapshot, so the tombstone EXEC looks for is not collected (without the pin, EXEC ran on a deleted key).
 */
class WatchAcrossGcTest {
    @TempDir
    Path dir;

    @Test
    void execAbortsWhenTheWatchedKeyWasDeletedEvenAfterGc() throws Exception {
        NodeOptions o = LocalNode.options(dir, Variant.DELTA, Set.of()).withGcInterval(Duration.ofMillis(20));
        try (Node node = Node.start(o);
             Jedis watcher = new Jedis("127.0.0.1", node.port(), 10_000);
             Jedis other = new Jedis("127.0.0.1", node.port(), 10_000)) {
            watcher.set("wg:k", "v");
            watcher.watch("wg:k");
            other.del("wg:k");
            // 60 s later in HLC time: the delete is far older than the 5 s retention once this commits.
            other.sendCommand(cmd("DKV.CLOCK"), "SET", "60000");
            other.set("wg:later", "x");
            long runs = gcRuns(other);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (gcRuns(other) < runs + 2) {
                if (System.nanoTime() > deadline) throw new AssertionError("version GC did not run");
                Thread.sleep(10);
            }
            Transaction t = watcher.multi();
            t.set("wg:k", "mine");
            assertNull(t.exec(), "EXEC must abort: the watched key was deleted after WATCH");
            assertNull(other.get("wg:k"));
        }
    }

    /** The pin goes with the connection: a client that hangs up mid-WATCH must not stall version GC for good. */
    @Test
    void aDisconnectedWatcherNoLongerHoldsBackGc() throws Exception {
        NodeOptions o = LocalNode.options(dir, Variant.DELTA, Set.of()).withGcInterval(Duration.ofMillis(20));
        try (Node node = Node.start(o); Jedis other = new Jedis("127.0.0.1", node.port(), 10_000)) {
            try (Jedis watcher = new Jedis("127.0.0.1", node.port(), 10_000)) {
                watcher.set("wg:k", "v");
                watcher.watch("wg:k");
            }
            other.del("wg:k");
            other.sendCommand(cmd("DKV.CLOCK"), "SET", "60000");
            other.set("wg:later", "x");
            long deadline = System.nanoTime() + 10_000_000_000L;
            // the value and its tombstone
            while (stat(other, "gc_deleted_versions") < 2) {
                if (System.nanoTime() > deadline) throw new AssertionError("GC still held back by a closed WATCH");
                Thread.sleep(10);
            }
        }
    }

    private static long gcRuns(Jedis j) {
        return stat(j, "gc_runs");
    }

    private static long stat(Jedis j, String name) {
        List<Object> stats = cast(j.sendCommand(cmd("DKV.STATS")));
        for (int i = 0; i + 1 < stats.size(); i += 2) {
            if (text(stats.get(i)).equals(name)) return (Long) stats.get(i + 1);
        }
        throw new AssertionError("no " + name + " in DKV.STATS: " + stats);
    }
}
