package deltakv.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.node.LocalNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Seeded RESP fuzzing from several raw sockets (truncated frames, huge declared lengths, garbage,
 * unknown and malformed commands, random valid commands) while a well-behaved Jedis client keeps
 * working; at the end the node is alive and the well-behaved client's data is exactly right.
 */
class RespFuzzTest {
    private static final long SEED = Long.getLong("dkv.fuzz.seed", 20261125L);
    private static final int FUZZERS = 4;
    private static final int ROUNDS = 150;

    @Test
    void fuzzedConnectionsNeverDisturbAWellBehavedClient() throws Exception {
        try (LocalNode node = LocalNode.start()) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> goodFailure = new AtomicReference<>();
            AtomicLong pushes = new AtomicLong();
            Thread good = new Thread(() -> wellBehaved(node, stop, pushes, goodFailure));
            good.start();
            List<Thread> fuzzers = new ArrayList<>();
            List<Throwable> fuzzFailures = new ArrayList<>();
            for (int i = 0; i < FUZZERS; i++) {
                Random rnd = new Random(SEED + i);
                Thread t = new Thread(() -> {
                    try {
                        new Fuzzer(node.port(), rnd).run(ROUNDS);
                    } catch (Throwable e) {
                        synchronized (fuzzFailures) {
                            fuzzFailures.add(e);
                        }
                    }
                });
                fuzzers.add(t);
                t.start();
            }
            for (Thread t : fuzzers) t.join(120_000);
            stop.set(true);
            good.join(30_000);
            assertTrue(fuzzFailures.isEmpty(), "fuzzer failed (seed " + SEED + "): " + fuzzFailures);
            assertNull(goodFailure.get(), "well-behaved client failed (seed " + SEED + "): " + goodFailure.get());
            try (Jedis j = node.jedis()) {
                assertEquals("PONG", j.ping());
                assertEquals(pushes.get(), j.llen("good:list"));
                String clients = j.info("clients");
                // the fuzzers really reached the protocol-error paths, and every connection was released
                assertTrue(protocolErrors(clients) > 0, clients);
                assertTrue(clients.contains("\r\nconnected_clients:1\r\n") || clients.contains("connected_clients:2"), clients);
            }
        }
    }

    private static long protocolErrors(String info) {
        for (String line : info.split("\r\n")) {
            if (line.startsWith("protocol_errors:")) return Long.parseLong(line.substring("protocol_errors:".length()));
        }
        return -1;
    }

    private static void wellBehaved(LocalNode node, AtomicBoolean stop, AtomicLong pushes, AtomicReference<Throwable> failure) {
        try (Jedis j = node.jedis()) {
            long i = 0;
            while (!stop.get()) {
                i++;
                long len = j.rpush("good:list", "v" + i);
                pushes.incrementAndGet();
                if (len != i) throw new AssertionError("RPUSH returned " + len + ", expected " + i);
                j.set("good:str", "s" + i);
                if (!("s" + i).equals(j.get("good:str"))) throw new AssertionError("GET after SET mismatch at " + i);
            }
        } catch (Throwable t) {
            failure.set(t);
        }
    }

    /** One fuzzing connection (reconnects whenever the server closes it, as it may). */
    private static final class Fuzzer {
        private static final String[] VALID = {"PING", "ECHO", "SET", "GET", "RPUSH", "LPUSH", "LPOP", "RPOP",
            "LRANGE", "LLEN", "DEL", "EXISTS", "TYPE", "MULTI", "EXEC", "DISCARD", "WATCH", "UNWATCH", "SELECT",
            "INFO", "DKV.ROLE", "DKV.STATS", "LINDEX", "RPOPLPUSH", "NOSUCH", "get"};
        private final int port;
        private final Random rnd;
        private RawResp conn;

        Fuzzer(int port, Random rnd) {
            this.port = port;
            this.rnd = rnd;
        }

        void run(int rounds) throws IOException {
            try {
                for (int i = 0; i < rounds; i++) {
                    if (conn == null) conn = new RawResp(port, 1500);
                    try {
                        conn.send(frame());
                        if (rnd.nextInt(4) == 0) conn.read();
                    } catch (IOException closedOrSilent) {
                        // closed after a protocol error, or waiting for bytes we never sent: start over
                        conn.close();
                        conn = null;
                    }
                }
            } finally {
                if (conn != null) conn.close();
            }
        }

        private byte[] frame() {
            switch (rnd.nextInt(8)) {
                case 0:
                    return garbage();
                case 1:
                    return truncated();
                case 2:
                    return hugeLength();
                case 3:
                    return malformed();
                case 4:
                    return inline();
                default:
                    return RawResp.command(validArgs());
            }
        }

        private String[] validArgs() {
            String name = VALID[rnd.nextInt(VALID.length)];
            int extra = rnd.nextInt(4);
            String[] args = new String[1 + extra];
            args[0] = name;
            for (int i = 1; i < args.length; i++) args[i] = i == 1 ? "fz:" + rnd.nextInt(5) : String.valueOf(rnd.nextInt(10) - 3);
            return args;
        }

        private byte[] garbage() {
            byte[] b = new byte[1 + rnd.nextInt(64)];
            rnd.nextBytes(b);
            return b;
        }

        private byte[] truncated() {
            byte[] full = RawResp.command(validArgs());
            return java.util.Arrays.copyOf(full, rnd.nextInt(full.length));
        }

        private byte[] hugeLength() {
            String[] choices = {"*1\r\n$536870913\r\n", "*2\r\n$3\r\nGET\r\n$99999999999\r\n", "*2147483647\r\n",
                "*99999999999999999999\r\n", "$-7\r\n", "*-9\r\n"};
            return choices[rnd.nextInt(choices.length)].getBytes(StandardCharsets.US_ASCII);
        }

        private byte[] malformed() {
            String[] choices = {"*2\r\n$3\r\nGET\r\n:5\r\n", "*1\r\n$3\r\nGETX\r\n", "*x\r\n", "$3\r\nfoo\r\n",
                "*1\r\n*1\r\n$4\r\nPING\r\n", "+PING\r\n", ":12\r\n", "*1\r\n$4\r\nPING\n\n", "\r\n\r\n"};
            return choices[rnd.nextInt(choices.length)].getBytes(StandardCharsets.US_ASCII);
        }

        private byte[] inline() {
            String[] choices = {"PING\r\n", "ECHO \"a\\x00b\"\r\n", "SET fz:i 'x y'\r\n", "GET \"open\r\n", "   \r\n"};
            return choices[rnd.nextInt(choices.length)].getBytes(StandardCharsets.US_ASCII);
        }
    }
}
