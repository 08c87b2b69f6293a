package deltakv.workloads.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.checker.history.OpType;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** HARNESS.md §2's outcome rules against what Jedis really throws. */
class OutcomesTest {
    @Test
    void aRefusedConnectionSentNothing() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        try (Jedis j = new Jedis("127.0.0.1", port)) {
            j.rpush("k", "v");
        } catch (RuntimeException e) {
            Outcomes.Outcome o = Outcomes.classify(e);
            assertEquals(OpType.FAIL, o.type(), o.error());
            assertTrue(o.unreachable());
            return;
        }
        throw new AssertionError("the push should not have reached anything");
    }

    @Test
    void errorRepliesByPrefix() {
        assertEquals(OpType.FAIL, Outcomes.reply("TRYAGAIN too many conflicts").type());
        assertEquals(OpType.FAIL, Outcomes.reply("ERR wrong number of arguments").type());
        assertEquals(OpType.INFO, Outcomes.reply("ERR internal: boom").type());
        assertEquals(OpType.INFO, Outcomes.reply("ERR EXEC without MULTI").type(), "the MULTI was lost: the queued commands ran alone");
        assertEquals(OpType.INFO, Outcomes.reply("UNKNOWN commit outcome").type());
    }
}
