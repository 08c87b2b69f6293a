package deltakv.engine.node;

import deltakv.engine.raft.PeerAddress;
import deltakv.engine.raft.PeerList;
import deltakv.engine.raft.RaftReplica;
import deltakv.engine.redis.relay.RelayTarget;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A follower's relay target: the Redis port of the member Raft names as leader. Peer names resolve
 * through the JDK resolver (the harness' per-process hosts file), so relayed commands take the same
 * per-link route as this node's Raft traffic.
 */
final class LeaderRelayTarget implements RelayTarget {
    private final RaftReplica replica;
    private final PeerList peers;
    private final Map<String, InetSocketAddress> resolved = new ConcurrentHashMap<>();

    LeaderRelayTarget(RaftReplica replica, PeerList peers) {
        this.replica = replica;
        this.peers = peers;
    }

    @Override
    public Optional<InetSocketAddress> leader() {
        Optional<String> id = replica.leaderId();
        if (id.isEmpty() || id.get().equals(replica.id())) return Optional.empty();
        return peers.find(id.get()).map(p -> resolved.computeIfAbsent(p.id(), k -> address(p)))
                .filter(a -> !a.isUnresolved());
    }

    private static InetSocketAddress address(PeerAddress p) {
        return new InetSocketAddress(p.host(), p.redisPort());
    }
}
