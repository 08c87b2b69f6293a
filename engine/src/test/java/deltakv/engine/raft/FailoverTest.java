package deltakv.engine.raft;

import static deltakv.engine.raft.ReplicationTest.b;
import static deltakv.engine.raft.ReplicationTest.put;
import static deltakv.engine.raft.ReplicationTest.readAt;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.txn.AmbiguousCommitException;
import deltakv.engine.txn.ApplyResult;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailoverTest extends MiniClusterTest {
    @Test
    void writesResumeAfterTheLeaderIsKilledAndNoAcknowledgedWriteIsLost() throws Exception {
        cluster = MiniCluster.start(3, dir, RaftSettings.defaults());
        MiniCluster.Member leader = cluster.leader(WAIT);
        MiniCluster.Member writer = cluster.members().stream().filter(m -> m != leader).findFirst().orElseThrow();
        ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
        AtomicLong lastAck = new AtomicLong(System.nanoTime());
        AtomicLong longestGap = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int tid = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; running.get(); i++) {
                    String k = "w" + tid + "-" + i;
                    try {
                        if (writer.replica().committer().commit(put(k, k, writer.applier().lastAppliedTs())) instanceof ApplyResult.Committed) {
                            acked.add(k);
                            long now = System.nanoTime();
                            long prev = lastAck.getAndSet(now);
                            longestGap.accumulateAndGet(now - prev, Math::max);
                        }
                    } catch (AmbiguousCommitException | ClusterUnavailableException e) {
                        // outcome unknown or no leader: not acknowledged, keep going
                    }
                }
            });
            threads[t].start();
        }
        Thread.sleep(1000);
        int before = acked.size();
        cluster.kill(leader.id());
        Thread.sleep(4000);
        running.set(false);
        for (Thread t : threads) t.join(15_000);
        MiniCluster.Member newLeader = cluster.leader(WAIT);
        assertNotEquals(leader.id(), newLeader.id());
        assertTrue(acked.size() > before + 20, "writes resumed: " + before + " -> " + acked.size());
        long gapMs = longestGap.get() / 1_000_000;
        System.out.println("leader-kill write gap ms=" + gapMs + " acked=" + acked.size());
        assertTrue(gapMs < 8000, "gap " + gapMs + " ms");
        for (MiniCluster.Member m : cluster.members()) {
            long ts = m.replica().committer().readTimestamp();
            for (String k : acked) assertArrayEquals(b(k), m.store().get(b(k), ts), k + " on " + m.id());
        }
    }

    @Test
    void aRestartedNodeCatchesUpFromTheLog() throws Exception {
        cluster = MiniCluster.start(3, dir, RaftSettings.defaults());
        MiniCluster.Member f = cluster.follower(WAIT);
        cluster.kill(f.id());
        MiniCluster.Member l = cluster.leader(WAIT);
        for (int i = 0; i < 50; i++) assertInstanceOf(ApplyResult.Committed.class, l.replica().committer().commit(put("r" + i, "x" + i, l.applier().lastAppliedTs())));
        MiniCluster.Member back = cluster.restart(f.id());
        for (String k : List.of("r0", "r25", "r49")) assertArrayEquals(b("x" + k.substring(1)), readAt(back, k));
        // and it takes part again: with the other follower down, commits need it
        MiniCluster.Member other = cluster.members().stream().filter(m -> m != back && m != l).findFirst().orElseThrow();
        cluster.kill(other.id());
        assertInstanceOf(ApplyResult.Committed.class, back.replica().committer().commit(put("after", "y", back.applier().lastAppliedTs())));
        assertArrayEquals(b("y"), readAt(back, "after"));
    }
}
