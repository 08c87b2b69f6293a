package deltakv.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.node.LocalNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** MULTI/EXEC/DISCARD/WATCH with Redis 7 semantics on a real node (raw RESP, exact replies). */
class MultiExecTest {
    private static LocalNode node;

    @BeforeAll
    static void start() {
        node = LocalNode.start();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static RawResp connect() throws Exception {
        return new RawResp(node.port(), 10_000);
    }

    @Test
    void execRunsTheQueuedBlockAndRepliesPerCommand() throws Exception {
        try (RawResp c = connect()) {
            assertEquals("+OK", c.call("MULTI"));
            assertEquals("+QUEUED", c.call("SET", "mx:a", "1"));
            assertEquals("+QUEUED", c.call("RPUSH", "mx:l", "x", "y"));
            assertEquals("+QUEUED", c.call("LRANGE", "mx:l", "0", "-1"));
            assertEquals("+QUEUED", c.call("PING"));
            List<?> r = (List<?>) c.call("EXEC");
            assertEquals("+OK", r.get(0));
            assertEquals(2L, r.get(1));
            assertEquals(List.of("x", "y"), ((List<?>) r.get(2)).stream().map(RawResp::text).toList());
            assertEquals("+PONG", r.get(3));
            assertEquals("1", RawResp.text(c.call("GET", "mx:a")));
        }
    }

    @Test
    void queueTimeErrorsAbortTheWholeTransaction() throws Exception {
        try (RawResp c = connect()) {
            c.call("MULTI");
            assertEquals("+QUEUED", c.call("SET", "mx:abort", "1"));
            assertEquals("-ERR unknown command 'nosuch', with args beginning with: 'x' ", c.call("nosuch", "x"));
            assertEquals("-ERR wrong number of arguments for 'get' command", c.call("GET"));
            assertEquals("-EXECABORT Transaction discarded because of previous errors.", c.call("EXEC"));
            assertNull(c.call("GET", "mx:abort"));
            assertEquals("-ERR EXEC without MULTI", c.call("EXEC"));
        }
    }

    @Test
    void runtimeErrorsDoNotStopTheOtherCommands() throws Exception {
        try (RawResp c = connect()) {
            c.call("SET", "mx:str", "v");
            c.call("MULTI");
            c.call("RPUSH", "mx:str", "x");
            c.call("SET", "mx:after", "2");
            List<?> r = (List<?>) c.call("EXEC");
            assertTrue(r.get(0).toString().startsWith("-WRONGTYPE"), r.toString());
            assertEquals("+OK", r.get(1));
            assertEquals("2", RawResp.text(c.call("GET", "mx:after")));
        }
    }

    @Test
    void controlErrors() throws Exception {
        try (RawResp c = connect()) {
            assertEquals("-ERR EXEC without MULTI", c.call("EXEC"));
            assertEquals("-ERR DISCARD without MULTI", c.call("DISCARD"));
            c.call("MULTI");
            assertEquals("-ERR MULTI calls can not be nested", c.call("MULTI"));
            assertEquals("-ERR WATCH inside MULTI is not allowed", c.call("WATCH", "k"));
            assertEquals("+QUEUED", c.call("SET", "mx:ctl", "1"));
            // neither error above marks the transaction (as in Redis 7)
            assertEquals(List.of("+OK"), c.call("EXEC"));
            c.call("MULTI");
            c.call("SET", "mx:discarded", "1");
            assertEquals("+OK", c.call("DISCARD"));
            assertNull(c.call("GET", "mx:discarded"));
        }
    }

    @Test
    void watchedKeyChangedByAnotherClientMakesExecNil() throws Exception {
        try (RawResp a = connect(); Jedis b = node.jedis()) {
            a.call("SET", "mx:w", "0");
            assertEquals("+OK", a.call("WATCH", "mx:w"));
            b.set("mx:w", "theirs");
            a.call("MULTI");
            a.call("SET", "mx:w", "mine");
            a.call("SET", "mx:w2", "mine");
            assertSame(RawResp.NULL_ARRAY, a.call("EXEC"));
            assertEquals("theirs", b.get("mx:w"));
            assertNull(b.get("mx:w2"));
            // EXEC unwatched everything: the next transaction goes through
            a.call("MULTI");
            a.call("SET", "mx:w", "mine");
            assertEquals(List.of("+OK"), a.call("EXEC"));
        }
    }

    @Test
    void watchedListPushedByAnotherClientMakesExecNil() throws Exception {
        try (RawResp a = connect(); Jedis b = node.jedis()) {
            b.rpush("mx:wl", "1");
            a.call("WATCH", "mx:wl", "mx:other");
            b.rpush("mx:wl", "2");
            a.call("MULTI");
            a.call("LPOP", "mx:wl");
            assertSame(RawResp.NULL_ARRAY, a.call("EXEC"));
            assertEquals(2L, b.llen("mx:wl"));
        }
    }

    @Test
    void unchangedWatchUnwatchAndDiscardLetExecThrough() throws Exception {
        try (RawResp a = connect(); Jedis b = node.jedis()) {
            a.call("WATCH", "mx:u");
            b.set("mx:unrelated", "x");
            a.call("MULTI");
            a.call("SET", "mx:u", "1");
            assertEquals(List.of("+OK"), a.call("EXEC"));

            a.call("WATCH", "mx:u");
            b.set("mx:u", "2");
            assertEquals("+OK", a.call("UNWATCH"));
            a.call("MULTI");
            a.call("SET", "mx:u", "3");
            assertEquals(List.of("+OK"), a.call("EXEC"));

            a.call("WATCH", "mx:u");
            a.call("MULTI");
            a.call("DISCARD");
            b.set("mx:u", "4");
            a.call("MULTI");
            a.call("SET", "mx:u", "5");
            assertEquals(List.of("+OK"), a.call("EXEC"));
        }
    }

    @Test
    void ownWriteAfterWatchAlsoAborts() throws Exception {
        try (RawResp a = connect()) {
            a.call("WATCH", "mx:own");
            a.call("SET", "mx:own", "1");
            a.call("MULTI");
            a.call("SET", "mx:own", "2");
            assertSame(RawResp.NULL_ARRAY, a.call("EXEC"));
            assertEquals("1", RawResp.text(a.call("GET", "mx:own")));
        }
    }
}
