package deltakv.engine.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.Bug;
import deltakv.engine.clock.Hlc;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A leader whose HLC runs a minute ahead of what it has applied (a clock bump): the correct engine still
 * hands transactions the applied watermark as their snapshot; the {@code snapshot-from-hlc} bug flag hands
 * them max(watermark, HLC now), a snapshot ahead of applied state, so writes stamped below it but applied
 * later are neither seen nor conflicting.
 */
class SnapshotFromHlcFlagTest extends MiniClusterTest {
    private long aheadMillis;

    private RaftCommitter leaderAhead(Set<Bug> bugs) throws Exception {
        cluster = MiniCluster.start(3, dir, RaftSettings.defaults(), bugs);
        MiniCluster.Member leader = cluster.leader(WAIT);
        aheadMillis = System.currentTimeMillis() + 60_000;
        leader.hlc().observe(Hlc.of(aheadMillis, 0));
        return leader.replica().committer();
    }

    @Test
    void correctEngineReadsAtTheAppliedWatermark() throws Exception {
        RaftCommitter c = leaderAhead(Set.of());
        long ts = c.readTimestamp();
        assertTrue(Hlc.physicalMillis(ts) < aheadMillis - 30_000, "snapshot at applied state: " + Hlc.physicalMillis(ts));
        assertEquals(ts, c.readTimestampAsync().get());
    }

    @Test
    void snapshotFromHlcFlagReadsAheadOfAppliedState() throws Exception {
        RaftCommitter c = leaderAhead(Set.of(Bug.SNAPSHOT_FROM_HLC));
        assertTrue(Hlc.physicalMillis(c.readTimestamp()) >= aheadMillis, "snapshot at the HLC, a minute ahead");
        assertTrue(Hlc.physicalMillis(c.readTimestampAsync().get()) >= aheadMillis);
        assertTrue(Hlc.physicalMillis(c.unconfirmedReadTimestamp().orElseThrow()) >= aheadMillis);
    }
}
