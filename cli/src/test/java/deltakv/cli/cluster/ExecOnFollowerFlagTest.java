package deltakv.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The {@code exec-on-follower} bug flag on real node processes. A follower is paused while the other two
 * commit an RPUSH, then they are killed and the follower resumed: it is alone, and its state misses the
 * push. The correct follower has no leader to confirm a read with and refuses; the buggy one answers a
 * MULTI/EXEC from its own state (the empty list) — while a plain LRANGE on it is still refused, so it is
 * EXEC, not reads in general, that runs against the follower's state.
 */
class ExecOnFollowerFlagTest extends ClusterTestBase {
    /** Opened on the follower before the faults; it relays one plain read to the leader while there is one. */
    private Jedis early;

    @AfterEach
    void closeEarly() {
        if (early != null) early.close();
    }

    private String behindAndAlone(List<String> bugs) throws Exception {
        c = ProcessCluster.start(dir, 3, false, bugs);
        String leader = c.leader();
        List<String> others = c.layout.ids().stream().filter(id -> !id.equals(leader)).toList();
        String follower = others.get(0);
        early = c.jedis(follower);
        assertEquals(List.of(), early.lrange("k", 0, -1));
        c.cluster.pause(follower);
        try (Jedis j = c.jedis(leader)) {
            assertEquals(1, j.rpush("k", "x"));
        }
        c.cluster.kill(leader);
        c.cluster.kill(others.get(1));
        c.cluster.resume(follower);
        return follower;
    }

    private static List<String> lrangeInMulti(Jedis j) {
        Transaction t = j.multi();
        Response<List<String>> r = t.lrange("k", 0, -1);
        t.exec();
        return r.get();
    }

    @Test
    void correctFollowerRefusesExecWithoutALeader() throws Exception {
        String f = behindAndAlone(List.of());
        try (Jedis j = c.jedis(f)) {
            JedisDataException e = assertThrows(JedisDataException.class, () -> lrangeInMulti(j));
            assertTrue(e.getMessage().startsWith("TRYAGAIN") || e.getMessage().startsWith("CLUSTERDOWN"), e.getMessage());
        }
    }

    @Test
    void execOnFollowerAnswersFromItsStaleState() throws Exception {
        String f = behindAndAlone(List.of("exec-on-follower"));
        try (Jedis j = c.jedis(f)) {
            assertEquals(List.of(), lrangeInMulti(j), "the push it never received is missing");
            assertThrows(JedisDataException.class, () -> j.lrange("k", 0, -1), "a plain read still needs the leader");
        }
        assertEquals(List.of(), lrangeInMulti(early), "also on a connection that relayed a plain command before");
    }
}
