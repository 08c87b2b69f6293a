package deltakv.engine.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.engine.clock.Hlc;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.junit.jupiter.api.Test;

/**
 * A store that became an installed snapshot moves the HLC past the snapshot's commits, as an applied entry
 * does: a node that caught up by snapshot and is elected next stamps its first commits above them even on a
 * lagging clock (else every commit is stale until the clock catches up).
 */
class RestoreObservesTest {
    @Test
    void anInstalledSnapshotIsObservedByTheHlc() throws Exception {
        long snapshotTs = Hlc.of(5_000_000, 7);
        AtomicLong applied = new AtomicLong();
        AtomicLong observed = new AtomicLong();
        SnapshotSupport installed = new SnapshotSupport() {
            @Override public void init(RaftStorage storage) {}
            @Override public StateMachineStorage storage() { return null; }
            @Override public long take(TermIndex t) { return t.getIndex(); }
            @Override public TermIndex restoreIfNeeded() {
                applied.set(snapshotTs); // the store now holds the snapshot
                return TermIndex.valueOf(3, 400);
            }
        };
        DeltaStateMachine sm = new DeltaStateMachine((groups, index) -> List.of(), observed::set, () -> 0,
                new AppliedWatermark(applied::get), new ReplicationStats(), installed);
        sm.reinitialize();
        assertEquals(snapshotTs, observed.get());
        assertEquals(400, sm.getLastAppliedTermIndex().getIndex());
    }
}
