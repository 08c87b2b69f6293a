package deltakv.engine.node;

import deltakv.engine.Bug;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.Variant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import java.nio.charset.StandardCharsets;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;

/** A real node's connection, INFO and DKV.* admin commands, through Jedis. */
class NodeAdminTest {
    @Test
    void connectionCommands() {
        try (LocalNode n = LocalNode.start(); Jedis j = n.jedis()) {
            assertEquals("PONG", j.ping());
            assertEquals("hello", j.ping("hello"));
            assertEquals("x", j.echo("x"));
            assertEquals("OK", j.select(0));
            JedisDataException e = assertThrows(JedisDataException.class, () -> j.select(3));
            assertEquals("ERR DB index is out of range", e.getMessage());
            assertEquals("OK", text(j.sendCommand(cmd("QUIT"))));
        }
    }

    @Test
    void infoHasServerAndDeltaKvSections() {
        try (LocalNode n = LocalNode.start(Variant.RMW, Set.of(Bug.DEL_BOUNDED_SCAN)); Jedis j = n.jedis()) {
            String info = j.info();
            assertTrue(info.startsWith("# Server\r\nredis_version:7.0.0-deltakv\r\n"), info);
            assertTrue(info.contains("# DeltaKV\r\n"), info);
            assertTrue(info.contains("# Clients\r\nconnected_clients:1\r\n"), info);
            assertTrue(info.contains("\r\nvariant:rmw\r\n"), info);
            assertTrue(info.contains("\r\nbugs:del-bounded-scan\r\n"), info);
            assertTrue(info.contains("\r\nraft_role:leader\r\n"), info);
            assertTrue(info.contains("\r\napplied_commit_ts:"), info);
            assertTrue(info.contains("\r\ntxn_commits:"), info);
            assertTrue(info.contains("# Compactor\r\ncompactor_paused:0\r\n"), info);
            for (String line : info.split("\r\n")) {
                assertTrue(line.isEmpty() || line.startsWith("# ") || line.indexOf(':') > 0, line);
            }
            String server = j.info("server");
            assertTrue(server.startsWith("# Server") && !server.contains("# DeltaKV"), server);
        }
    }

    @Test
    void adminCommands() {
        try (LocalNode n = LocalNode.start(Variant.DELTA, Set.of(Bug.HLC_NO_OBSERVE)); Jedis j = n.jedis()) {
            List<Object> role = cast(j.sendCommand(cmd("DKV.ROLE")));
            assertEquals("role", text(role.get(2)));
            assertEquals("leader", text(role.get(3)));
            assertEquals(List.of("hlc-no-observe"), cast(j.sendCommand(cmd("DKV.BUGS"))).stream().map(NodeAdminTest::text).toList());
            assertEquals(0L, j.sendCommand(cmd("DKV.CLOCK"), "GET"));
            assertEquals("OK", text(j.sendCommand(cmd("DKV.CLOCK"), "SET", "-2500")));
            assertEquals(-2500L, j.sendCommand(cmd("DKV.CLOCK"), "GET"));
            assertThrows(JedisDataException.class, () -> j.sendCommand(cmd("DKV.CLOCK"), "SET", "soon"));
            assertEquals("OK", text(j.sendCommand(cmd("DKV.COMPACTOR"), "PAUSE")));
            assertEquals("OK", text(j.sendCommand(cmd("DKV.COMPACTOR"), "RESUME")));
            assertEquals("OK", text(j.sendCommand(cmd("DKV.COMPACTOR"), "RUN")));
            List<Object> stats = cast(j.sendCommand(cmd("DKV.COMPACTOR"), "STATS"));
            assertEquals("paused", text(stats.get(0)));
            j.set("adm:k", "v");
            List<Object> txn = cast(j.sendCommand(cmd("DKV.STATS")));
            assertEquals("txn_commits", text(txn.get(0)));
            assertTrue((Long) txn.get(1) >= 1, txn.toString());
            // the JVM's own time: this JVM has compiled something by now, and it is never reset
            int jit = txn.stream().map(NodeAdminTest::text).toList().indexOf("jvm_jit_ms");
            assertTrue(jit > 0 && (Long) txn.get(jit + 1) > 0, txn.toString());
            assertEquals("jvm_gc_ms", text(txn.get(jit + 2)));
            assertEquals("OK", text(j.sendCommand(cmd("DKV.STATS"), "RESET")));
            assertEquals(0L, cast(j.sendCommand(cmd("DKV.STATS"))).get(1));
            JedisDataException bad = assertThrows(JedisDataException.class,
                    () -> j.sendCommand(cmd("DKV.COMPACTOR"), "EXPLODE"));
            assertTrue(bad.getMessage().startsWith("ERR unknown subcommand 'EXPLODE'"), bad.getMessage());
        }
    }

    /** Jedis has no enum entry for our admin commands; any raw name works. */
    static ProtocolCommand cmd(String name) {
        byte[] raw = name.getBytes(StandardCharsets.UTF_8);
        return () -> raw;
    }

    @SuppressWarnings("unchecked")
    static List<Object> cast(Object o) {
        return (List<Object>) o;
    }

    static String text(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
    }
}
