package deltakv.engine.raft;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.txn.ApplyResult;
import deltakv.engine.txn.Mutation;
import deltakv.engine.txn.OperationGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReplicationTest extends MiniClusterTest {
    static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    static OperationGroup put(String k, String v, long startTs) {
        return new OperationGroup(ThreadLocalRandom.current().nextLong(), startTs, 0, List.of(), List.of(),
                List.of(new Mutation.Put(b(k), b(v))));
    }

    static byte[] readAt(MiniCluster.Member m, String k) {
        long ts = m.replica().committer().readTimestamp();
        return m.store().get(b(k), ts);
    }

    @Test
    void writeOnFollowerIsReadableOnEveryNodeAndTimestampsFollowLogOrder() throws Exception {
        cluster = MiniCluster.start(3, dir, RaftSettings.defaults());
        MiniCluster.Member f = cluster.follower(WAIT);
        ApplyResult r = f.replica().committer().commit(put("k", "v1", 0));
        long ts = assertInstanceOf(ApplyResult.Committed.class, r).commitTs();
        for (MiniCluster.Member m : cluster.members()) {
            assertArrayEquals(b("v1"), readAt(m, "k"), "read on " + m.id());
            assertTrue(m.hlc().now() >= ts, "HLC of " + m.id() + " observed the commit ts");
        }
        ApplyResult r2 = cluster.leader(WAIT).replica().committer().commit(put("k", "v2", ts));
        assertTrue(((ApplyResult.Committed) r2).commitTs() > ts);
        for (MiniCluster.Member m : cluster.members()) assertArrayEquals(b("v2"), readAt(m, "k"));
    }

    @Test
    void concurrentCommitsShareLogEntriesAndAConflictAbortsOnlyItsGroup() throws Exception {
        cluster = MiniCluster.start(3, dir, RaftSettings.defaults());
        MiniCluster.Member l = cluster.leader(WAIT);
        RaftCommitter c = l.replica().committer();
        // The first commit moves the applied ts from 0 to the clock, further than version GC's retention, so a
        // snapshot of the empty store is then too old to commit on: take the writers' snapshot after it.
        assertInstanceOf(ApplyResult.Committed.class, c.commit(put("first", "x", 0)));
        long start = c.readTimestamp();
        // Two writers of "hot" from the same snapshot: exactly one may win. The rest are disjoint.
        List<OperationGroup> groups = new ArrayList<>();
        groups.add(put("hot", "a", start));
        groups.add(put("hot", "b", start));
        for (int i = 0; i < 300; i++) groups.add(put("key" + i, "v" + i, start));
        List<CompletableFuture<ApplyResult>> fs = c.submitAll(groups);
        int committed = 0;
        int conflicts = 0;
        for (CompletableFuture<ApplyResult> f : fs) {
            ApplyResult r = f.get(20, TimeUnit.SECONDS);
            if (r instanceof ApplyResult.Committed) committed++;
            else if (r instanceof ApplyResult.Conflict) conflicts++;
        }
        assertEquals(301, committed);
        assertEquals(1, conflicts);
        long batches = l.replica().stats().batchesSubmitted();
        assertTrue(batches < 100, "302 groups went out in " + batches + " batches");
        for (MiniCluster.Member m : cluster.members()) assertArrayEquals(b("v299"), readAt(m, "key299"));
    }
}
