package deltakv.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.nemesis.cluster.RespProbe;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.util.SafeEncoder;

/**
 * Followers relay data and transaction commands to the leader over one connection per client session:
 * MULTI/EXEC/WATCH keep their meaning, the leader commits (the follower submits nothing to Raft itself),
 * DKV.LOCAL keeps a session on its own node, a leader lost under an open MULTI closes the client, and
 * sessions without MULTI/WATCH share a few connections (DKV.MUX) yet get exactly their own replies.
 */
class RelayTest extends ClusterTestBase {


    @Test
    void followerSessionsRunOnTheLeaderWithTransactionSemantics() throws Exception {
        c = ProcessCluster.start(dir, 3, false);
        String leader = c.leader();
        String follower = c.layout.ids().stream().filter(id -> !id.equals(leader)).findFirst().orElseThrow();

        try (Jedis j = c.jedis(follower); Jedis other = c.jedis(follower)) {
            assertEquals(2, j.rpush("r", "a", "b"));
            // WATCH on a relayed session: a change by another client in between aborts EXEC.
            j.watch("w");
            other.set("w", "changed");
            Transaction t = j.multi();
            t.set("w", "mine");
            assertNull(t.exec(), "EXEC after a watched key changed");
            // Without interference it commits atomically.
            j.watch("w");
            Transaction t2 = j.multi();
            t2.set("w", "mine");
            t2.rpush("r", "c");
            assertEquals(List.of("OK", 3L), t2.exec());
            assertEquals("mine", j.get("w"));
        }
        // Pipelined: relayed commands (sent from the event loop while the session is attached) and
        // local ones (PING) interleave; replies come back in request order.
        try (Jedis j = c.jedis(follower)) {
            j.rpush("pp", "0");
            Pipeline p = j.pipelined();
            Response<Long> a = p.rpush("pp", "1");
            Response<Object> ping = p.sendCommand(Protocol.Command.PING, new String[0]);
            Response<Long> b = p.rpush("pp", "2");
            Response<List<String>> all = p.lrange("pp", 0, -1);
            Response<String> w = p.get("w");
            p.sync();
            assertEquals(2L, a.get());
            assertEquals("PONG", SafeEncoder.encode((byte[]) ping.get()));
            assertEquals(3L, b.get());
            assertEquals(List.of("0", "1", "2"), all.get());
            assertEquals("mine", w.get());
            for (int i = 0; i < 200; i++) assertEquals(4L + i, j.rpush("pp", "x" + i)); // one at a time: the fast path
        }
        assertEquals(0, stat(follower, "raft_batches_submitted"), "the follower itself proposed nothing");
        assertTrue(stat(leader, "raft_batches_submitted") > 0);

        // DKV.LOCAL: this session commits through the follower's own Raft client.
        try (Jedis j = c.jedisLocal(follower)) {
            assertEquals(4, j.rpush("r", "d"));
        }
        assertTrue(stat(follower, "raft_batches_submitted") > 0, "DKV.LOCAL ran on the follower");
    }

    @Test
    void losingTheLeaderUnderAnOpenMultiClosesTheClient() throws Exception {
        c = ProcessCluster.start(dir, 3, false);
        String leader = c.leader();
        String follower = c.layout.ids().stream().filter(id -> !id.equals(leader)).findFirst().orElseThrow();
        try (Jedis j = c.jedis(follower)) {
            // Raw commands, so MULTI and the queued RPUSH reach the leader before it dies (Jedis'
            // Transaction would hold them back until exec()).
            assertEquals("OK", SafeEncoder.encode((byte[]) j.sendCommand(Protocol.Command.MULTI)));
            assertEquals("QUEUED", SafeEncoder.encode((byte[]) j.sendCommand(Protocol.Command.RPUSH, "m", "x")));
            c.cluster.kill(leader);
            RuntimeException e = assertThrows(RuntimeException.class, () -> j.sendCommand(Protocol.Command.EXEC));
            assertTrue(e.getMessage().contains("UNKNOWN") || e.getMessage().contains("TRYAGAIN")
                    || e.getMessage().toLowerCase().contains("connection"), e.getMessage());
        }
        // A new session on the same follower works once a new leader is elected.
        try (Jedis j = c.jedis(follower)) {
            eventually(() -> j.rpush("m", "y"));
            assertTrue(j.lrange("m", 0, -1).contains("y"));
        }
    }

    /**
     * Sessions without MULTI/WATCH share one connection per follower event loop (DKV.MUX): many
     * clients' commands interleave on it, and each client still gets exactly its own replies.
     */
    @Test
    void manyFollowerClientsShareAFewConnectionsAndGetTheirOwnReplies() throws Exception {
        c = ProcessCluster.start(dir, 3, false);
        String leader = c.leader();
        String follower = c.layout.ids().stream().filter(id -> !id.equals(leader)).findFirst().orElseThrow();
        int clientsBefore = connectedClients(leader);
        int clients = 24;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        java.util.concurrent.CountDownLatch halfway = new java.util.concurrent.CountDownLatch(clients);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String key = "mux:" + i;
                done.add(pool.submit(() -> {
                    try (Jedis j = c.jedis(follower)) {
                        for (int n = 1; n <= 300; n++) {
                            assertEquals(n, j.rpush(key, "e" + n), key); // a mixed-up reply breaks the count
                            if (n == 100) halfway.countDown();
                        }
                    }
                    return null;
                }));
            }
            assertTrue(halfway.await(120, java.util.concurrent.TimeUnit.SECONDS));
            int during = connectedClients(leader); // every client connected and relaying now
            for (var f : done) f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(during - clientsBefore <= 4, "shared connections, not one per client: "
                    + clientsBefore + " before, " + during + " during");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, stat(follower, "raft_batches_submitted"), "the leader ran them all");
    }

    private int connectedClients(String id) throws Exception {
        try (Jedis j = c.jedisLocal(id)) {
            for (String line : j.info("clients").split("\r?\n")) {
                if (line.startsWith("connected_clients:")) return Integer.parseInt(line.substring(18).trim());
            }
        }
        throw new AssertionError("no connected_clients in INFO");
    }

    private long stat(String id, String name) throws Exception {
        List<String> kv = RespProbe.call("127.0.0.1", c.layout.redisPort(id), 2000, "DKV.STATS");
        int at = kv.indexOf(name);
        assertTrue(at >= 0, name + " in " + kv);
        return Long.parseLong(kv.get(at + 1));
    }
}
