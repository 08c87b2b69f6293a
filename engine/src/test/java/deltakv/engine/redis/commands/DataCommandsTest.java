package deltakv.engine.redis.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.Variant;
import deltakv.engine.collections.DataFixture;
import deltakv.engine.redis.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Replies and errors as Redis 7.0 gives them (recorded against redis-server 7.0.15 on this machine),
 * rendered in redis-cli's notation: nil, (empty), int:N, "bulk", +simple, -error, [a,b].
 */
class DataCommandsTest {
    @TempDir
    Path dir;

    private static String show(Reply r) {
        if (r instanceof Reply.Simple s) return "+" + s.text();
        if (r instanceof Reply.Error e) return "-" + e.message();
        if (r instanceof Reply.Int i) return "int:" + i.value();
        if (r instanceof Reply.Bulk b) return new String(b.bytes(), StandardCharsets.UTF_8);
        if (r instanceof Reply.NullBulk) return "nil";
        if (r instanceof Reply.NullArray) return "nil[]";
        List<String> items = new ArrayList<>();
        for (Reply x : ((Reply.Array) r).items()) items.add(show(x));
        return items.toString();
    }

    private static void expect(DataFixture f, String expected, String... cmd) {
        assertEquals(expected, show(f.cmd(cmd)), String.join(" ", cmd));
    }

    private static final String WRONGTYPE = "-WRONGTYPE Operation against a key holding the wrong kind of value";

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"RMW", "DELTA", "DELTA_CF"})
    void listCommands(Variant v) {
        try (DataFixture f = new DataFixture(dir, v)) {
            expect(f, "int:3", "RPUSH", "l", "a", "b", "c");
            expect(f, "[]", "LPOP", "l", "0");
            expect(f, "nil[]", "LPOP", "nol", "0");
            expect(f, "nil[]", "LPOP", "nol", "2");
            expect(f, "nil", "RPOP", "nol");
            expect(f, "-ERR wrong number of arguments for 'lpop' command", "LPOP", "l", "1", "2");
            for (String bad : List.of("-1", "abc", "01", "+1", " 1", "99999999999999999999")) {
                expect(f, "-ERR value is out of range, must be positive", "LPOP", "l", bad);
            }
            expect(f, "[]", "LRANGE", "l", "0", "-100");
            expect(f, "[]", "LRANGE", "l", "5", "10");
            expect(f, "[a, b, c]", "LRANGE", "l", "-100", "100");
            expect(f, "-ERR value is not an integer or out of range", "LRANGE", "l", "a", "1");
            expect(f, "-ERR value is not an integer or out of range", "LINDEX", "l", "x");
            expect(f, "nil", "LINDEX", "nokey", "x");
            expect(f, "c", "LINDEX", "l", "-1");
            expect(f, "nil", "LINDEX", "l", "100");
            expect(f, "-ERR syntax error", "LMOVE", "l", "l2", "up", "left");
            expect(f, "a", "LMOVE", "l", "l2", "left", "left");
            expect(f, "nil", "LMOVE", "nokey", "l", "left", "left");
            expect(f, "int:2", "RPUSH", "l2", "x");
            expect(f, "a", "LMOVE", "l2", "l2", "left", "right");
            expect(f, "[x, a]", "LRANGE", "l2", "0", "-1");
            expect(f, "c", "RPOPLPUSH", "l", "l2");
            expect(f, "[c, x, a]", "LRANGE", "l2", "0", "-1");
            expect(f, "int:0", "RPUSHX", "nokey", "a");
            expect(f, "int:0", "LPUSHX", "nokey", "a");
            expect(f, "int:4", "LPUSHX", "l2", "z");
            expect(f, "[z, c]", "LPOP", "l2", "2");
            expect(f, "a", "RPOP", "l2");
            expect(f, "int:1", "LLEN", "l2");
            expect(f, "int:0", "LLEN", "nokey");
            expect(f, "[x]", "RPOP", "l2", "5");
            expect(f, "nil", "LPOP", "l2");
            expect(f, "+none", "TYPE", "l2");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"RMW", "DELTA", "DELTA_CF"})
    void typesAndKeys(Variant v) {
        try (DataFixture f = new DataFixture(dir, v)) {
            expect(f, "+OK", "SET", "s", "v");
            expect(f, "int:2", "RPUSH", "l", "a", "b");
            for (String[] c : List.of(new String[] {"RPUSH", "s", "x"}, new String[] {"LPUSH", "s", "x"},
                    new String[] {"RPUSHX", "s", "x"}, new String[] {"LPOP", "s"}, new String[] {"LPOP", "s", "0"},
                    new String[] {"LLEN", "s"}, new String[] {"LRANGE", "s", "0", "1"}, new String[] {"LINDEX", "s", "0"},
                    new String[] {"GET", "l"}, new String[] {"SET", "l", "v", "GET"}, new String[] {"LMOVE", "s", "l", "left", "left"},
                    new String[] {"LMOVE", "l", "s", "left", "left"}, new String[] {"RPOPLPUSH", "l", "s"})) {
                expect(f, WRONGTYPE, c);
            }
            expect(f, "[a, b]", "LRANGE", "l", "0", "-1");
            expect(f, "-ERR value is out of range, must be positive", "LPOP", "s", "-1");
            expect(f, "-ERR value is not an integer or out of range", "LRANGE", "s", "x", "1");
            expect(f, "+string", "TYPE", "s");
            expect(f, "+list", "TYPE", "l");
            expect(f, "+none", "TYPE", "nokey");
            expect(f, "int:3", "EXISTS", "s", "l", "l", "nokey");
            expect(f, "int:2", "DBSIZE");
            expect(f, "+OK", "SET", "l", "now-a-string");
            expect(f, "now-a-string", "GET", "l");
            assertTrue(f.count(deltakv.engine.collections.ListKeys.items("l".getBytes())) == 0, "SET removed the list");
            expect(f, "int:2", "DEL", "s", "s", "l", "nokey");
            expect(f, "int:0", "DBSIZE");
            expect(f, "int:1", "RPUSH", "s", "fresh");
            expect(f, "int:1", "UNLINK", "s");
            expect(f, "int:1", "RPUSH", "a", "1");
            expect(f, "+OK", "SET", "b", "1");
            expect(f, "-ERR syntax error", "FLUSHALL", "async", "extra");
            expect(f, "-ERR syntax error", "FLUSHALL", "later");
            expect(f, "+OK", "FLUSHALL", "SYNC");
            expect(f, "int:0", "DBSIZE");
            expect(f, "+none", "TYPE", "a");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"RMW", "DELTA", "DELTA_CF"})
    void setOptionsAndExpiry(Variant v) throws InterruptedException {
        try (DataFixture f = new DataFixture(dir, v)) {
            String invalid = "-ERR invalid expire time in 'set' command";
            expect(f, invalid, "SET", "s", "v", "EX", "0");
            expect(f, invalid, "SET", "s", "v", "EX", "-1");
            expect(f, invalid, "SET", "s", "v", "PX", "0");
            expect(f, invalid, "SET", "s", "v", "EXAT", "0");
            expect(f, invalid, "SET", "s", "v", "EX", "9999999999999999");
            expect(f, invalid, "SET", "s", "v", "EX", "0", "NX");
            expect(f, "-ERR value is not an integer or out of range", "SET", "s", "v", "EX", "abc");
            expect(f, "-ERR value is not an integer or out of range", "SET", "s", "v", "EX", "1.5");
            for (String[] c : List.of(new String[] {"SET", "s", "v", "NX", "XX"}, new String[] {"SET", "s", "v", "EX", "1", "PX", "100"},
                    new String[] {"SET", "s", "v", "EX"}, new String[] {"SET", "s", "v", "foo"},
                    new String[] {"SET", "s", "v", "KEEPTTL", "EX", "10"})) {
                expect(f, "-ERR syntax error", c);
            }
            expect(f, "nil", "GET", "s");
            expect(f, "nil", "SET", "s", "v", "NX", "GET");
            expect(f, "v", "SET", "s", "v2", "NX", "GET");
            expect(f, "v", "GET", "s");
            expect(f, "nil", "SET", "k", "v", "XX");
            expect(f, "nil", "GET", "k");
            expect(f, "+OK", "SET", "s", "v3", "XX", "KEEPTTL");
            expect(f, "v3", "SET", "s", "v4", "GET", "GET");
            expect(f, "+OK", "SET", "s", "v", "PX", "9999999999999999");
            expect(f, "+OK", "SET", "gone", "v", "PX", "30");
            expect(f, "+OK", "SET", "past", "v", "PXAT", "1");
            expect(f, "nil", "GET", "past");
            Thread.sleep(60);
            expect(f, "nil", "GET", "gone");
            expect(f, "int:0", "EXISTS", "gone");
            expect(f, "+none", "TYPE", "gone");
            expect(f, "int:1", "DBSIZE");
            expect(f, "int:1", "RPUSH", "gone", "x");
            expect(f, "+list", "TYPE", "gone");
            expect(f, "+OK", "SET", "t", "v", "EX", "100");
            expect(f, "+OK", "SET", "t", "w", "KEEPTTL");
            expect(f, "w", "GET", "t");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"RMW", "DELTA", "DELTA_CF"})
    void counters(Variant v) {
        try (DataFixture f = new DataFixture(dir, v)) {
            expect(f, "int:1", "INCR", "c");
            expect(f, "int:11", "INCRBY", "c", "10");
            expect(f, "int:9", "DECRBY", "c", "2");
            expect(f, "int:8", "DECR", "c");
            expect(f, "8", "GET", "c");
            expect(f, "-ERR value is not an integer or out of range", "INCRBY", "c", "1.5");
            expect(f, "-ERR value is not an integer or out of range", "INCRBY", "c", "+1");
            expect(f, "-ERR decrement would overflow", "DECRBY", "c", "-9223372036854775808");
            expect(f, "int:9223372036854775807", "INCRBY", "c", "9223372036854775799");
            expect(f, "-ERR increment or decrement would overflow", "INCR", "c");
            expect(f, "+OK", "SET", "s", "x");
            expect(f, "-ERR value is not an integer or out of range", "INCR", "s");
            expect(f, "int:1", "RPUSH", "l", "a");
            expect(f, WRONGTYPE, "INCR", "l");
            expect(f, "-ERR value is not an integer or out of range", "INCRBY", "l", "x"); // the argument first
        }
    }
}
