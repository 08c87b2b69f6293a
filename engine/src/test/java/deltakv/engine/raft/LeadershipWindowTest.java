package deltakv.engine.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A read round that confirmed leadership serves the reads of the next few ms on the leader (and only
 * there), never longer than 1/20 of the minimum election timeout after the round started.
 */
class LeadershipWindowTest extends MiniClusterTest {
    private final AtomicBoolean leader = new AtomicBoolean(true);
    private final LeadershipWindow w = new LeadershipWindow(leader::get, 1000); // a 50 ms window

    @Test
    void opensAfterASuccessfulRoundAndClosesOnTime() throws Exception {
        assertFalse(w.open(), "no round yet");
        long started = w.roundStarting();
        w.roundSucceeded(started);
        assertTrue(w.open());
        Thread.sleep(70);
        assertFalse(w.open(), "50 ms after the round started");
    }

    @Test
    void onlyForANodeThatLedWhenTheRoundStartedAndEndedAndStillLeads() {
        leader.set(false);
        long started = w.roundStarting();
        leader.set(true);
        w.roundSucceeded(started);
        assertFalse(w.open(), "not leader when the round started");
        started = w.roundStarting();
        leader.set(false);
        w.roundSucceeded(started);
        leader.set(true);
        assertFalse(w.open(), "not leader when it ended");
        w.roundSucceeded(w.roundStarting());
        leader.set(false);
        assertFalse(w.open(), "not leader any more");
    }

    /**
     * lease-outlives-leadership: the lease (10 × 1000 ms here) is on the offset wall clock and survives losing
     * the role; a clock set back keeps it open far longer. The correct window closes on either.
     */
    @Test
    void leaseOutlivesLeadershipAndStretchesWhenTheClockGoesBack() {
        long[] wall = {1_000_000};
        LeadershipWindow lease = LeadershipWindow.outlivingLease(leader::get, 1000, () -> wall[0]);
        lease.roundSucceeded(lease.roundStarting());
        w.roundSucceeded(w.roundStarting());
        leader.set(false); // deposed (or stepped down behind a partition)
        assertFalse(w.open(), "the correct window closes with the role");
        assertTrue(lease.open(), "the buggy lease still serves reads");
        wall[0] += 9_999;
        assertTrue(lease.open(), "for 10 s: far longer than an election takes");
        wall[0] += 2;
        assertFalse(lease.open());
        wall[0] -= 60_000; // a clock strobe sets the wall clock back a minute
        assertTrue(lease.open(), "the lease is open again, for another minute");
    }

    @Test
    void theLeaderServesMostReadsWithoutARoundAFollowerNever() throws Exception {
        cluster = MiniCluster.start(3, dir, RaftSettings.defaults());
        MiniCluster.Member l = cluster.leader(WAIT);
        MiniCluster.Member f = cluster.follower(WAIT);
        long before = l.replica().stats().readRounds();
        for (int i = 0; i < 2000; i++) l.replica().committer().readTimestamp();
        long rounds = l.replica().stats().readRounds() - before;
        assertTrue(l.replica().stats().windowReads() > 1000, "served by the window: " + l.replica().stats().windowReads());
        assertTrue(rounds < 1000, rounds + " rounds for 2000 reads");
        long fBefore = f.replica().stats().readRounds();
        for (int i = 0; i < 50; i++) f.replica().committer().readTimestamp();
        assertEquals(0, f.replica().stats().windowReads());
        assertTrue(f.replica().stats().readRounds() - fBefore >= 50, "a follower asks the leader every time");
    }
}
