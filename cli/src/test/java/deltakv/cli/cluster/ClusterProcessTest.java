package deltakv.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** A 3-node cluster of real processes: replication, kill -9 of the leader, restart catch-up, status lines. */
class ClusterProcessTest extends ClusterTestBase {
    private static final Pattern STATUS = Pattern.compile(
            "n[0-9] pid=[0-9]+ redis=[0-9]+ raft=[0-9]+ role=(leader|follower|down) leader=(n[0-9]|none)");


    @Test
    void followerWriteReplicatesLeaderKillRecoversAndRestartedNodeCatchesUp() throws Exception {
        c = ProcessCluster.start(dir, 3, false);
        String leader = c.leader();
        List<String> status = c.cluster.statusLines();
        for (String line : status) assertTrue(STATUS.matcher(line).matches(), line);
        assertEquals(1, status.stream().filter(l -> l.contains("role=leader leader=" + leader)).count());

        String follower = c.layout.ids().stream().filter(id -> !id.equals(leader)).findFirst().orElseThrow();
        try (Jedis j = c.jedis(follower)) {
            assertEquals(3, j.rpush("q", "a", "b", "c"));
        }
        for (String id : c.layout.ids()) {
            try (Jedis j = c.jedisLocal(id)) {
                assertEquals(List.of("a", "b", "c"), j.lrange("q", 0, -1), "read on " + id);
            }
        }
        // Reads on a follower are relayed to the leader, so the follower itself may apply a moment later.
        List<String> role;
        long until = System.nanoTime() + 10_000_000_000L;
        do {
            role = deltakv.nemesis.cluster.RespProbe.call("127.0.0.1", c.layout.redisPort(follower), 2000, "DKV.ROLE");
            if (appliedIndex(role) > 0) break;
            Thread.sleep(20);
        } while (System.nanoTime() < until);
        assertTrue(appliedIndex(role) > 0, "DKV.ROLE reports the applied Raft index: " + role);

        c.cluster.kill(leader);
        long killed = System.nanoTime();
        long gapMs;
        try (Jedis j = c.jedis(follower)) {
            eventually(() -> j.rpush("q", "d"));
            gapMs = (System.nanoTime() - killed) / 1_000_000;
        }
        System.out.println("process cluster: first write " + gapMs + " ms after kill -9 of leader " + leader);
        assertTrue(gapMs < 20_000, "gap " + gapMs);
        assertNotEquals(leader, c.leader());
        assertTrue(c.cluster.statusLines().stream().anyMatch(l -> l.startsWith(leader + " pid=0 ") && l.contains("role=down leader=none")));

        try (Jedis j = c.jedis(follower)) {
            for (int i = 0; i < 20; i++) j.rpush("q", "e" + i);
        }
        c.restart(leader);
        try (Jedis j = c.jedisLocal(leader)) {
            List<String> q = null;
            for (int i = 0; i < 200; i++) {
                try {
                    q = j.lrange("q", 0, -1);
                    if (q.size() == 24) break;
                } catch (RuntimeException notYet) {
                    // TRYAGAIN while it rejoins
                }
                Thread.sleep(100);
            }
            assertEquals(24, q.size(), "restarted " + leader + " caught up");
            assertEquals("e19", q.get(23));
        }
    }

    private static long appliedIndex(List<String> role) {
        int at = role.indexOf("applied_index");
        return at > 0 ? Long.parseLong(role.get(at + 1)) : -1;
    }
}
