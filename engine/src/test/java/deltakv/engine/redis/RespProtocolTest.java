package deltakv.engine.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.txn.SnapshotRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The RESP front alone (connection commands only, no storage): framing, inline, protocol errors. */
class RespProtocolTest {
    private static RedisServer server;

    @BeforeAll
    static void start() {
        List<LocalCommand> local = new ArrayList<>(ConnectionCommands.all());
        local.add(new LocalCommand("boom", 1, args -> {
            throw new IllegalStateException("kaboom");
        }));
        CommandTable table = new CommandTable(Map.of(), local);
        TxnRunner noStorage = body -> {
            throw new IllegalStateException("no storage in this test");
        };
        SnapshotRegistry snapshots = new SnapshotRegistry();
        server = new RedisServer(new ServerContext(table, noStorage, () -> snapshots.open(() -> 0L), k -> List.of()),
                "127.0.0.1", 0, 4);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private RawResp connect() throws Exception {
        return new RawResp(server.port(), 5000);
    }

    @Test
    void pingEchoSelect() throws Exception {
        try (RawResp c = connect()) {
            assertEquals("+PONG", c.call("PING"));
            assertEquals("hi", RawResp.text(c.call("ping", "hi")));
            assertEquals("-ERR wrong number of arguments for 'ping' command", c.call("PING", "a", "b"));
            assertEquals("x y", RawResp.text(c.call("ECHO", "x y")));
            assertEquals("+OK", c.call("SELECT", "0"));
            assertEquals("-ERR DB index is out of range", c.call("SELECT", "1"));
            assertEquals("-ERR value is not an integer or out of range", c.call("SELECT", "x"));
        }
    }

    @Test
    void unknownCommandAndArityWordedLikeRedis() throws Exception {
        try (RawResp c = connect()) {
            assertEquals("-ERR unknown command 'foo', with args beginning with: 'a' 'b' ", c.call("foo", "a", "b"));
            assertEquals("-ERR unknown command 'Nope', with args beginning with: ", c.call("Nope"));
            assertEquals("-ERR wrong number of arguments for 'echo' command", c.call("ECHO"));
            assertEquals("+PONG", c.call("PING"));
        }
    }

    @Test
    void inlineCommandsAsTypedInTelnet() throws Exception {
        try (RawResp c = connect()) {
            c.send("PING\r\n");
            assertEquals("+PONG", c.read());
            c.send("ECHO \"a b\\x41\"\r\n");
            assertEquals("a bA", RawResp.text(c.read()));
            c.send("\r\nPING\r\n"); // an empty line is skipped
            assertEquals("+PONG", c.read());
            c.send("ECHO \"unbalanced\r\n");
            assertEquals("-ERR Protocol error: unbalanced quotes in request", c.read());
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void pipelinedRepliesKeepOrder() throws Exception {
        try (RawResp c = connect()) {
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < 2000; i++) batch.append(new String(RawResp.command("ECHO", "m" + i)));
            c.send(batch.toString());
            for (int i = 0; i < 2000; i++) assertEquals("m" + i, RawResp.text(c.read()));
        }
    }

    @Test
    void hugeBulkLengthRefusedThenClosed() throws Exception {
        try (RawResp c = connect()) {
            c.send("*2\r\n$4\r\nECHO\r\n$536870913\r\n");
            assertEquals("-ERR Protocol error: invalid bulk length", c.read());
            assertTrue(c.closedByServer());
        }
        try (RawResp c = connect()) {
            c.send("*2147483647\r\n");
            assertEquals("-ERR Protocol error: invalid multibulk length", c.read());
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void repliesBeforeAProtocolErrorStillArrive() throws Exception {
        try (RawResp c = connect()) {
            c.send("PING\r\n*1\r\n$4\r\nPINGxx\r\n");
            assertEquals("+PONG", c.read());
            Object err = c.read();
            assertTrue(err.toString().startsWith("-ERR Protocol error"), err.toString());
            assertTrue(c.closedByServer());
        }
        try (RawResp c = connect()) {
            c.send("*1\r\n:5\r\n");
            assertEquals("-ERR Protocol error: expected '$', got ':'", c.read());
        }
    }

    @Test
    void quitRepliesOkThenCloses() throws Exception {
        try (RawResp c = connect()) {
            c.send(RawResp.command("QUIT"));
            c.send(RawResp.command("PING"));
            assertEquals("+OK", c.read());
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void binaryArgumentsSurvive() throws Exception {
        try (RawResp c = connect()) {
            byte[] payload = {0, (byte) 0xFF, '\r', '\n', 7};
            c.send(("*2\r\n$4\r\nECHO\r\n$5\r\n").getBytes());
            c.send(payload);
            c.send("\r\n");
            assertArrayEquals(payload, (byte[]) c.read());
        }
    }

    @Test
    void unexpectedExceptionBecomesAnErrorAndTheConnectionStaysUsable() throws Exception {
        try (RawResp c = connect()) {
            assertEquals("-ERR internal error: java.lang.IllegalStateException: kaboom", c.call("BOOM"));
            assertEquals("+PONG", c.call("PING"));
        }
    }

    @Test
    void helloSpeaksResp2Only() throws Exception {
        try (RawResp c = connect()) {
            List<?> hello = (List<?>) c.call("HELLO");
            assertEquals("server", RawResp.text(hello.get(0)));
            assertEquals(2L, hello.get(5));
            assertEquals(2L, ((List<?>) c.call("HELLO", "2")).get(5));
            assertEquals("-NOPROTO unsupported protocol version", c.call("HELLO", "3"));
        }
    }

    @Test
    void clientThatReadsLateGetsEveryReplyInOrder() throws Exception {
        String payload = "x".repeat(1024);
        try (RawResp c = connect()) {
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < 5000; i++) batch.append(new String(RawResp.command("ECHO", i + payload)));
            Thread writer = new Thread(() -> {
                try {
                    c.send(batch.toString());
                } catch (Exception ignored) {
                    // the read side below reports the failure
                }
            });
            writer.start();
            Thread.sleep(300); // replies pile up while we do not read: the server must stop reading, not buffer
            for (int i = 0; i < 5000; i++) assertEquals(i + payload, RawResp.text(c.read()));
            writer.join(10_000);
        }
    }

    @Test
    void endlessLengthLineIsRefusedButBigBulksAreFine() throws Exception {
        String big = "b".repeat(3 * 1024 * 1024);
        try (RawResp c = connect()) {
            assertEquals(big, RawResp.text(c.call("ECHO", big)));
        }
        try (RawResp c = connect()) {
            byte[] digits = new byte[2 * 1024 * 1024];
            java.util.Arrays.fill(digits, (byte) '7');
            c.send("*");
            try {
                c.send(digits);
            } catch (java.io.IOException closedEarly) {
                // the server may close before we finish sending; the reply is already on its way
            }
            assertEquals("-ERR Protocol error: too big mbulk count string", c.read());
        }
    }
}
