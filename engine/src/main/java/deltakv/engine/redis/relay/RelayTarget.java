package deltakv.engine.redis.relay;

import java.net.InetSocketAddress;
import java.util.Optional;

/** Where this node's sessions should send their commands: the leader's Redis address, or nowhere. */
@FunctionalInterface
public interface RelayTarget {
    /** Empty while this node should run commands itself (it leads, no leader is known, or relaying is off). */
    Optional<InetSocketAddress> leader();

    RelayTarget NONE = Optional::empty;
}
