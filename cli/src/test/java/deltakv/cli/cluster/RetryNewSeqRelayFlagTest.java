package deltakv.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The relay half of the {@code retry-new-seq} bug flag, on real node processes: an RPUSH sent to a follower
 * is relayed to the leader, which is paused and then killed with the command in flight. The correct
 * follower cannot know whether the leader applied it and says so ({@code UNKNOWN}); the buggy one runs the
 * push again itself once a new leader is elected, as a new transaction at freshly computed positions — which
 * duplicates the element whenever the dead leader had applied it (the commit half of the flag is shown
 * deterministically by the engine's {@code CommitPathBugFlagsTest}).
 */
class RetryNewSeqRelayFlagTest extends ClusterTestBase {
    private String pushWhileTheLeaderDies(List<String> bugs) throws Exception {
        c = ProcessCluster.start(dir, 3, false, bugs);
        String leader = c.leader();
        String follower = c.layout.ids().stream().filter(id -> !id.equals(leader)).findFirst().orElseThrow();
        try (Jedis j = c.jedis(follower)) {
            assertEquals(1, j.rpush("k", "a"), "relayed while the leader is up");
            c.cluster.pause(leader);
            CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> {
                try {
                    return String.valueOf(j.rpush("k", "b"));
                } catch (RuntimeException e) {
                    return e.getMessage();
                }
            });
            Thread.sleep(500);
            c.cluster.kill(leader);
            return reply.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void correctFollowerReportsTheOutcomeUnknown() throws Exception {
        String reply = pushWhileTheLeaderDies(List.of());
        assertTrue(reply.startsWith("UNKNOWN"), reply);
    }

    @Test
    void retryNewSeqRunsTheCommandAgainOnTheFollower() throws Exception {
        assertEquals("2", pushWhileTheLeaderDies(List.of("retry-new-seq")), "pushed again, as a new transaction");
    }
}
