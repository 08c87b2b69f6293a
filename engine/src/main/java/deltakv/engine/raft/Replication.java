package deltakv.engine.raft;

import deltakv.engine.clock.Hlc;
import deltakv.engine.storage.MvccStore;
import deltakv.engine.txn.StateMachineApplier;
import java.io.IOException;
import java.nio.file.Path;

/**
 * How a node joins a cluster: its peers, where its Raft log lives and the Raft tunables. A node
 * with a {@code Replication} commits through {@link RaftCommitter} instead of the local committer.
 */
public record Replication(PeerList peers, Path raftDir, RaftSettings settings) {
    /** Starts this node's Raft member on top of its store and apply function. */
    public RaftReplica start(String selfId, StateMachineApplier applier, Hlc hlc) throws IOException {
        MvccStore store = applier.store();
        // after a restart on a clock that went backwards, new commits must still sort above the log
        hlc.observe(store.lastAppliedTs());
        return RaftReplica.start(selfId, peers, raftDir, applier::applyBatch, hlc,
                new AppliedWatermark(store::lastAppliedTs),
                settings.snapshotThreshold() > 0 ? new CheckpointSnapshots(store) : new NoSnapshots(), settings);
    }
}
