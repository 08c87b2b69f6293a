package deltakv.engine.raft;

import deltakv.engine.Bug;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A follower cut off from the leader: the correct engine refuses to pick a read timestamp
 * (retryable error), the stale-follower-read bug flag makes it answer from its own, stale state.
 */
class StaleFollowerReadFlagTest extends MiniClusterTest {
    private MiniCluster.Member isolatedFollower(Set<Bug> bugs) throws Exception {
        cluster = MiniCluster.start(3, dir, RaftSettings.defaults().withCommitTimeout(Duration.ofSeconds(2)), bugs);
        MiniCluster.Member f = cluster.follower(WAIT);
        for (MiniCluster.Member m : cluster.members()) if (m != f) cluster.kill(m.id());
        // Between the two kills f may win an election with the last peer's vote; alone it then steps down.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (f.replica().isLeader() && System.nanoTime() < deadline) Thread.sleep(20);
        assertFalse(f.replica().isLeader(), "the isolated member stepped down");
        return f;
    }

    @Test
    void correctEngineRefusesReadsWithoutALeader() throws Exception {
        MiniCluster.Member f = isolatedFollower(Set.of());
        assertThrows(ClusterUnavailableException.class, () -> f.replica().committer().readTimestamp());
    }

    @Test
    void staleFollowerReadFlagServesLocalState() throws Exception {
        MiniCluster.Member f = isolatedFollower(Set.of(Bug.STALE_FOLLOWER_READ));
        assertEquals(f.store().lastAppliedTs(), f.replica().committer().readTimestamp());
    }
}
