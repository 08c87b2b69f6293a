package deltakv.cli.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.nemesis.cluster.RedisServerProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/**
 * {@code dkv test --connect}: a real redis-server passes every workload (no false alarms) and keeps the
 * user's own data; a server that answers every command with an error makes the run not valid (Jepsen's
 * stats check: a dead cluster must not pass).
 */
class ConnectRunTest {
    @TempDir
    Path store;

    @ParameterizedTest
    @ValueSource(strings = {"list-append", "queue", "deque", "rw-register", "set", "hash", "zset", "counter"})
    void aRealRedisServerIsValid(String workload) throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start(); Jedis j = new Jedis("127.0.0.1", redis.port())) {
            j.set("users-own-key", "untouched");
            Harness.Outcome run = Harness.test(store, "--workload", workload, "--connect", "127.0.0.1:" + redis.port(),
                    "--time-limit", "4", "--seed", "21");
            assertEquals(0, run.code(), run.out() + run.err());
            assertEquals("valid? true", run.verdictLine());
            assertTrue(run.runDir().getParent().getFileName().toString().equals(workload + "-none-connect"));
            assertEquals("untouched", j.get("users-own-key"));
            // every key the run wrote carries the run's prefix
            String prefix = "dkv:" + run.runDir().getFileName() + ":";
            for (String k : j.keys("*")) assertTrue(k.equals("users-own-key") || k.startsWith(prefix), k);
        }
    }

    @Test
    void clockAndCompactorFaultsNeedServersThatAnswerDkvCommands() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            for (String kind : new String[] {"clock", "compactor"}) {
                Harness.Outcome run = Harness.test(store, "--connect", "127.0.0.1:" + redis.port(), "--nemesis", kind,
                        "--time-limit", "2");
                assertEquals(254, run.code(), run.out() + run.err());
                assertTrue(run.err().contains("--nemesis " + kind + ": 127.0.0.1:" + redis.port() + " does not answer DKV."),
                        run.err());
                assertEquals(1, run.err().strip().lines().count(), run.err());
            }
        }
    }

    @Test
    void aServerThatOnlyAnswersErrorsIsNotValid() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> serveErrors(s));
            t.setDaemon(true);
            t.start();
            Harness.Outcome run = Harness.test(store, "--connect", "127.0.0.1:" + s.getLocalPort(), "--time-limit", "2",
                    "--seed", "22");
            assertEquals(1, run.code(), run.out() + run.err());
            assertTrue(run.out().contains("stats: valid? false"), run.out());
            assertTrue(Files.isRegularFile(run.runDir().resolve("results.json")));
        }
    }

    /** Answers PING with PONG (so the endpoint counts as reachable) and everything else with -ERR. */
    private static void serveErrors(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket c = server.accept();
                Thread t = new Thread(() -> {
                    try (c; BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
                        OutputStream out = c.getOutputStream();
                        String line;
                        while ((line = in.readLine()) != null) {
                            if (!line.startsWith("*")) continue;
                            int n = Integer.parseInt(line.substring(1));
                            String cmd = null;
                            for (int i = 0; i < n; i++) {
                                in.readLine();
                                String arg = in.readLine();
                                if (i == 0) cmd = arg;
                            }
                            out.write(("PING".equalsIgnoreCase(cmd) ? "+PONG\r\n" : "-ERR this server refuses everything\r\n")
                                    .getBytes(StandardCharsets.UTF_8));
                            out.flush();
                        }
                    } catch (Exception ignored) {
                        // client went away
                    }
                });
                t.setDaemon(true);
                t.start();
            } catch (Exception e) {
                return;
            }
        }
    }
}
