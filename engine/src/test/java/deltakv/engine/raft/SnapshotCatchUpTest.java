package deltakv.engine.raft;

import static deltakv.engine.raft.ReplicationTest.b;
import static deltakv.engine.raft.ReplicationTest.readAt;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.txn.ApplyResult;
import deltakv.engine.txn.Mutation;
import deltakv.engine.txn.OperationGroup;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** A node down while the log is purged behind a snapshot catches up by installing that snapshot. */
class SnapshotCatchUpTest extends MiniClusterTest {
    private static OperationGroup write(String k, byte[] v, long startTs) {
        return new OperationGroup(ThreadLocalRandom.current().nextLong(), startTs, 0, List.of(), List.of(),
                List.of(v == null ? new Mutation.Delete(b(k)) : new Mutation.Put(b(k), v)));
    }

    @Test
    void aNodeDownPastLogPurgeCatchesUpBySnapshot() throws Exception {
        cluster = MiniCluster.start(3, dir, RaftSettings.defaults().withFrequentSnapshots(40));
        MiniCluster.Member f = cluster.follower(WAIT);
        cluster.kill(f.id());
        MiniCluster.Member l = cluster.leader(WAIT);
        RaftCommitter c = l.replica().committer();
        byte[] big = new byte[1500];
        for (int i = 0; i < 400; i++) {
            big[0] = (byte) i;
            assertInstanceOf(ApplyResult.Committed.class, c.commit(write("s" + i, big.clone(), l.applier().lastAppliedTs())));
        }
        assertInstanceOf(ApplyResult.Committed.class, c.commit(write("s7", null, c.readTimestamp()))); // a tombstone too
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (l.replica().logStartIndex() < 50 && System.nanoTime() < deadline) Thread.sleep(50);
        assertTrue(l.replica().logStartIndex() >= 50, "leader purged its log: start=" + l.replica().logStartIndex());

        MiniCluster.Member back = cluster.restart(f.id());
        for (int i : new int[] {0, 1, 200, 399}) {
            byte[] v = readAt(back, "s" + i);
            assertTrue(v != null && v.length == 1500 && v[0] == (byte) i, "s" + i + " on " + back.id());
        }
        assertNull(readAt(back, "s7"));
        assertTrue(back.replica().logStartIndex() >= 50, "installed a snapshot: start=" + back.replica().logStartIndex());
        // it takes part again: with the other follower down, commits need it
        MiniCluster.Member other = cluster.members().stream().filter(m -> m != back && m != l).findFirst().orElseThrow();
        cluster.kill(other.id());
        assertInstanceOf(ApplyResult.Committed.class, back.replica().committer().commit(write("after", b("y"), back.applier().lastAppliedTs())));
        assertArrayEquals(b("y"), readAt(back, "after"));
    }
}
