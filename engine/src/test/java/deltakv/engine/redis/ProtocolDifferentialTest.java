package deltakv.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.nemesis.cluster.RedisServerProcess;
import deltakv.engine.node.LocalNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Connection-level replies and protocol errors compared byte for byte with a real redis-server:
 * the same raw input on a fresh connection to each must give the same bytes back (and the same
 * close). Skipped when redis-server is not installed.
 */
class ProtocolDifferentialTest {
    /** Appended to every input: its reply marks the end of the output unless the server closed. */
    private static final String END = "*2\r\n$4\r\nECHO\r\n$7\r\n__end__\r\n";
    private static final byte[] END_REPLY = "$7\r\n__end__\r\n".getBytes(StandardCharsets.US_ASCII);
    private static RedisServerProcess redis;
    private static LocalNode node;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(RedisServerProcess.binary() != null, "redis-server not installed");
        redis = RedisServerProcess.start();
        node = LocalNode.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) node.close();
        if (redis != null) redis.close();
    }

    static Stream<String> inputs() {
        String longArg = "a".repeat(200);
        return Stream.of(
                cmd("foo", "a", "b"),
                cmd("FOO"),
                cmd("nosuch", longArg, "x"),
                cmd("nosuch", "12345678901234567890", "x".repeat(100), "y", "z"),
                cmd("GET") + cmd("get", "a", "b") + cmd("ECHO") + cmd("PING", "a", "b"),
                cmd("PING") + cmd("PING", "hi") + cmd("ECHO", "x y") + cmd("SELECT", "0"),
                cmd("SELECT", "99") + cmd("SELECT", "x") + cmd("SELECT", "-1"),
                cmd("EXEC") + cmd("DISCARD"),
                cmd("MULTI") + cmd("MULTI") + cmd("WATCH", "k") + cmd("xyz") + cmd("EXEC"),
                cmd("MULTI") + cmd("GET") + cmd("SET", "pd:k", "v") + cmd("EXEC") + cmd("GET", "pd:k"),
                cmd("MULTI") + cmd("SET", "pd:a", "1") + cmd("GET", "pd:a") + cmd("PING") + cmd("EXEC"),
                cmd("MULTI") + cmd("EXEC"),
                cmd("MULTI") + cmd("SET", "pd:d", "1") + cmd("DISCARD") + cmd("GET", "pd:d"),
                cmd("WATCH", "pd:w") + cmd("UNWATCH") + cmd("MULTI") + cmd("UNWATCH") + cmd("EXEC"),
                cmd("WATCH") + cmd("MULTI", "x") + cmd("EXEC", "x"),
                cmd("MULTI") + cmd("EXEC", "x") + cmd("EXEC"),
                cmd("MULTI") + cmd("QUIT"),
                cmd("QUIT") + cmd("PING"),
                cmd("HELLO", "x") + cmd("HELLO", "4") + cmd("HELLO", "1"), // RESP3 (HELLO 3) is ours to refuse
                "PING\r\n" + "ECHO \"a b\\x41\\n\"\r\n" + "ECHO 'it''s'\r\n" + "\r\n" + "  \r\n",
                "ECHO \"unbalanced\r\n",
                "ECHO \"closing\"x\r\n",
                "*1\r\n$536870913\r\n",
                "*2147483648\r\n",
                "*1\r\n:5\r\n",
                "*2\r\n$4\r\nECHO\r\n*1\r\n$1\r\nx\r\n",
                "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$-1\r\n",
                "ECHO \"\"\r\nECHO a\"\"b\r\n",
                "SET pd:q \"a\\\"b\"\r\nGET pd:q\r\nECHO \"\\x4\"\r\nECHO \"\\q\"\r\n",
                cmd("MULTI") + cmd("SET", "pd:e", "1") + cmd("FOO") + cmd("EXEC") + cmd("EXEC"),
                cmd("WATCH", "pd:a", "pd:b") + cmd("WATCH", "pd:a") + cmd("MULTI") + cmd("WATCH") + cmd("DISCARD")
                        + cmd("DISCARD"),
                "+PING\r\n:12\r\n-ERR\r\n",
                "*0\r\n*-1\r\n");
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void sameBytesAsRedis(String input) throws Exception {
        String want = exchange(redis.port(), input);
        String got = exchange(node.port(), input);
        assertEquals(want, got, "input: " + input.replace("\r\n", "\\r\\n"));
    }

    private static String cmd(String... args) {
        return new String(RawResp.command(args), StandardCharsets.UTF_8);
    }

    /** Sends {@code input} + END on a new connection; returns all bytes up to END's reply or the close. */
    private static String exchange(int port, String input) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write((input + END).getBytes(StandardCharsets.UTF_8));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                out.write(b);
                if (endsWith(out.toByteArray(), END_REPLY)) return out.toString(StandardCharsets.UTF_8);
            }
            return out.toString(StandardCharsets.UTF_8) + "<closed>";
        }
    }

    private static boolean endsWith(byte[] all, byte[] suffix) {
        if (all.length < suffix.length) return false;
        for (int i = 0; i < suffix.length; i++) {
            if (all[all.length - suffix.length + i] != suffix[i]) return false;
        }
        return true;
    }
}
