package deltakv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/**
 * A node killed with SIGKILL in the middle of writes restarts on its data directory with every
 * acknowledged write present (RocksDB's WAL outlives the process) and no element duplicated.
 */
class KillNineTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"rmw", "delta"})
    void acknowledgedWritesSurviveKill9(String variant) throws Exception {
        int port = NodeProcess.freePort();
        Path data = dir.resolve("data");
        Path log = dir.resolve("node.log");
        try (NodeProcess node = NodeProcess.start(port, log, "--id", "n1", "--port", String.valueOf(port),
                "--data", data.toString(), "--variant", variant)) {
            Set<String> ackedPushes = ConcurrentHashMap.newKeySet();
            Map<String, String> ackedSets = new ConcurrentHashMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int id = w;
                Thread t = new Thread(() -> write(port, id, stop, ackedPushes, ackedSets));
                t.start();
                writers.add(t);
            }
            // Kill mid-stream: once enough writes are acknowledged (a time-based kill is flaky on a loaded machine).
            long deadline = System.currentTimeMillis() + 60_000;
            while (ackedPushes.size() < 300 && System.currentTimeMillis() < deadline) Thread.sleep(20);
            node.kill9();
            stop.set(true);
            for (Thread t : writers) t.join(15_000);
            assertTrue(ackedPushes.size() > 50, "too few writes acknowledged before the kill: " + ackedPushes.size());

            node.restart();
            try (Jedis j = new Jedis("127.0.0.1", port, 10_000)) {
                Map<String, Integer> seen = new HashMap<>();
                for (String list : List.of("list-0", "list-1")) {
                    for (String e : j.lrange(list, 0, -1)) seen.merge(e, 1, Integer::sum);
                }
                for (String e : ackedPushes) assertEquals(1, seen.getOrDefault(e, 0), "acknowledged element " + e);
                seen.forEach((e, n) -> assertEquals(1, n, "element " + e + " duplicated"));
                ackedSets.forEach((k, v) -> assertEquals(v, j.get(k), "acknowledged SET " + k));
            }
            assertEquals(0, node.stop(), "SIGTERM stops the node cleanly; log: " + Files.readString(log));
        }
    }

    private static void write(int port, int id, AtomicBoolean stop, Set<String> acked, Map<String, String> sets) {
        try (Jedis j = new Jedis("127.0.0.1", port, 5_000)) {
            for (int i = 0; !stop.get(); i++) {
                String e = "w" + id + "-" + i;
                j.rpush("list-" + (id % 2), e);
                acked.add(e);
                if (i % 10 == 0) {
                    j.set("str-" + id + "-" + i, e);
                    sets.put("str-" + id + "-" + i, e);
                }
            }
        } catch (RuntimeException expectedWhenKilled) {
            // the connection dies with the node; everything acknowledged so far is recorded
        }
    }
}
