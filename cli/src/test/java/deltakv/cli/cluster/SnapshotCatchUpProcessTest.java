package deltakv.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.nemesis.cluster.RespProbe;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * A follower that was down while the leader snapshotted and purged its log past the follower's last
 * entry catches up by installing the snapshot (real processes; snapshots every 50 entries with small
 * log segments so the purge happens within seconds).
 */
class SnapshotCatchUpProcessTest extends ClusterTestBase {
    private static final int WRITES = 3000;

    @Test
    void followerDownPastThePurgedLogCatchesUpBySnapshot() throws Exception {
        c = ProcessCluster.start(dir, 3, false, List.of(), List.of("-Ddkv.raft.snapshotEvery=50"));
        String leader = c.leader();
        String down = c.layout.ids().stream().filter(id -> !id.equals(leader)).findFirst().orElseThrow();
        try (Jedis j = c.jedis(leader)) {
            j.rpush("s", "before");
        }
        // The cluster is idle now: nothing the follower holds can be past the leader's applied index.
        long lastSeen = role(leader, "applied_index");
        c.cluster.kill(down);

        // Pipelined pushes on one connection run one at a time: about one log entry each.
        try (Jedis j = c.jedis(leader)) {
            for (int done = 0; done < WRITES; done += 100) {
                Pipeline p = j.pipelined();
                for (int i = done; i < done + 100; i++) p.rpush("s", "e" + i);
                p.sync();
            }
        }
        long leaderLogStart = eventually(() -> {
            long start = roleUnchecked(leader, "log_start_index");
            if (start <= lastSeen + 1) throw new IllegalStateException("log not purged past " + lastSeen + " yet");
            return start;
        });

        c.restart(down);
        try (Jedis j = c.jedisLocal(down)) {
            long len = eventually(() -> {
                long n = j.llen("s");
                if (n != WRITES + 1) throw new IllegalStateException(down + " has " + n);
                return n;
            });
            assertEquals(WRITES + 1, len);
            assertEquals("e" + (WRITES - 1), j.lindex("s", -1));
        }
        // It could not have replayed the purged entries: its own log starts past them.
        long ownStart = role(down, "log_start_index");
        System.out.println("snapshot catch-up: " + down + " had at most " + lastSeen + ", leader log starts at "
                + leaderLogStart + ", " + down + "'s log now starts at " + ownStart);
        assertTrue(ownStart > lastSeen + 1, down + " log starts at " + ownStart + ", leader purged below "
                + leaderLogStart + ", it had at most " + lastSeen);
    }

    private long role(String id, String field) throws Exception {
        List<String> kv = RespProbe.call("127.0.0.1", c.layout.redisPort(id), 2000, "DKV.ROLE");
        int at = kv.indexOf(field);
        assertTrue(at >= 0, field + " in " + kv);
        return Long.parseLong(kv.get(at + 1));
    }

    private long roleUnchecked(String id, String field) {
        try {
            return role(id, field);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
