package deltakv.engine.redis.relay;

import io.netty.channel.EventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A follower's shared relay connections to the leader, one per event loop. Sessions without
 * MULTI/WATCH state send their commands over these instead of a connection each: one write and one
 * read carry many clients' commands, and the leader runs them concurrently (see {@code DKV.MUX}).
 */
public final class MuxConnections {
    private final Map<EventLoop, RelayConnection> byLoop = new ConcurrentHashMap<>();

    /** The open shared connection of {@code loop} to {@code leader}, if there is one; never blocks. */
    Optional<RelayConnection> current(EventLoop loop, InetSocketAddress leader) {
        RelayConnection c = byLoop.get(loop);
        return c != null && c.isOpen() && c.address().equals(leader) ? Optional.of(c) : Optional.empty();
    }

    /**
     * The current connection, or a new one to {@code leader} (blocks while connecting: not on an event
     * loop). A connection to a former leader is closed once its last reply arrived.
     */
    synchronized RelayConnection obtain(EventLoop loop, InetSocketAddress leader, RelayConnector connector)
            throws IOException {
        Optional<RelayConnection> open = current(loop, leader);
        if (open.isPresent()) return open.get();
        RelayConnection fresh = connector.connectMux(leader, loop);
        RelayConnection old = byLoop.put(loop, fresh);
        if (old != null) old.closeWhenIdle();
        return fresh;
    }
}
