package deltakv.engine.main;

import deltakv.engine.node.Node;
import deltakv.engine.node.NodeOptions;
import deltakv.engine.raft.ClusterDataDir;
import deltakv.engine.raft.PeerAddress;
import deltakv.engine.raft.PeerList;
import deltakv.engine.raft.RaftSettings;
import deltakv.engine.raft.Replication;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code dkv node --peers …}: the node's own entry in the peer list decides its Redis host and
 * port; its data directory holds {@code store/} and {@code raft/}.
 */
final class ClusterMember {
    private final PeerList peers;
    private final PeerAddress self;
    private final Path data;

    private ClusterMember(PeerList peers, PeerAddress self, Path data) {
        this.peers = peers;
        this.self = self;
        this.data = data;
    }

    /** @throws IllegalArgumentException with a one-line reason for a bad list or an id not in it */
    static ClusterMember parse(String id, String peerSpec, Path data) {
        PeerList peers = PeerList.parse(peerSpec);
        return new ClusterMember(peers, peers.self(id), data);
    }

    NodeOptions adapt(NodeOptions o) {
        return o.at(self.host(), self.redisPort(), ClusterDataDir.store(data));
    }

    /**
     * @param snapshotEvery take a Raft snapshot every this many log entries (0 = the default)
     * @throws IllegalStateException with a one-line reason (foreign data directory, port in use, …)
     */
    Node start(NodeOptions options, long snapshotEvery) {
        try {
            ClusterDataDir.check(data);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        RaftSettings settings = snapshotEvery > 0 ? RaftSettings.defaults().withFrequentSnapshots(snapshotEvery)
                : RaftSettings.defaults();
        return Node.start(options, new Replication(peers, ClusterDataDir.raft(data), settings, options.bugs()));
    }
}
