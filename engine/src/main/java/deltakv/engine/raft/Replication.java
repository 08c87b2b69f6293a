package deltakv.engine.raft;

import deltakv.engine.Bug;
import deltakv.engine.clock.Hlc;
import deltakv.engine.storage.MvccStore;
import deltakv.engine.txn.StateMachineApplier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * How a node joins a cluster: its peers, where its Raft log lives, the Raft tunables and the bug
 * flags this layer honours ({@link Bug#STALE_FOLLOWER_READ}, {@link Bug#HLC_NO_OBSERVE}). A node with a
 * {@code Replication} commits through {@link RaftCommitter} instead of the local committer.
 */
public record Replication(PeerList peers, Path raftDir, RaftSettings settings, Set<Bug> bugs) {
    public Replication {
        bugs = Set.copyOf(bugs);
    }

    public Replication(PeerList peers, Path raftDir, RaftSettings settings) {
        this(peers, raftDir, settings, Set.of());
    }

    /** Starts this node's Raft member on top of its store and apply function. */
    public RaftReplica start(String selfId, StateMachineApplier applier, Hlc hlc) throws IOException {
        MvccStore store = applier.store();
        // after a restart on a clock that went backwards, new commits must still sort above the log
        // (with hlc-no-observe the HLC observes no applied commit ts, at start-up neither)
        if (!bugs.contains(Bug.HLC_NO_OBSERVE)) hlc.observe(store.lastAppliedTs());
        return RaftReplica.start(selfId, peers, raftDir, applier::applyBatch, hlc,
                new AppliedWatermark(store::lastAppliedTs),
                settings.snapshotThreshold() > 0 ? new CheckpointSnapshots(store) : new NoSnapshots(), settings,
                bugs);
    }
}
