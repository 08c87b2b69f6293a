package deltakv.engine.redis.relay;

import deltakv.engine.redis.Reply;
import deltakv.engine.redis.Response;
import deltakv.engine.txn.Futures;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One client session's relaying. A session with nothing of its own open (no local MULTI or WATCH)
 * sends its commands over its own connection to the leader, so MULTI/EXEC/WATCH keep their meaning
 * there. It sticks to that connection while the leader's side holds MULTI or WATCH state; when the
 * state is clean and leadership moved, it switches. Not thread-safe, like the session.
 *
 * <p>Errors: if the leader cannot be reached before anything was sent, the command runs here instead
 * (it then fails with TRYAGAIN or commits through Raft). If the connection breaks after a command was
 * sent, the client gets {@code UNKNOWN} (for commands that may have written) or {@code TRYAGAIN}; if
 * the leader's side held MULTI/WATCH state for this client, the client connection is closed too, since
 * that state is gone.
 */
public final class RelaySession implements AutoCloseable {
    private final Relay relay;
    private RelayConnection conn;
    private boolean disabled;
    private boolean upstreamMulti;
    private boolean upstreamWatch;
    /** Relaying single commands over the loop's shared connection ({@link MuxConnections}), not {@code conn}. */
    private boolean viaMux;
    private EventLoop loop;

    public RelaySession(Relay relay) {
        this.relay = relay;
        this.disabled = !relay.enabled();
    }

    /** The client connection's event loop: relay connections are opened on it. */
    public void bindLoop(EventLoop clientLoop) {
        this.loop = clientLoop;
    }

    /** For connections that are themselves relayed from another node: never relay again. */
    public void disable() {
        disabled = true;
        close();
    }

    /**
     * Whether a data command would run on this node now: relaying is off, or no other node is known to
     * lead (this node leads, or there is no leader and the command will wait for one here).
     */
    public boolean runsHere() {
        return disabled || (conn == null && relay.target().leader().isEmpty());
    }

    /** Whether this session relays to the leader now (over its own or the shared connection). */
    public boolean attached() {
        return conn != null || viaMux;
    }

    /** Whether the leader holds MULTI or WATCH state of this session (then its commands must go there). */
    public boolean holdsUpstreamState() {
        return conn != null && upstreamStateful();
    }

    /** Transaction commands and what follows them need the session's own connection. */
    private static boolean needsOwnConnection(String name) {
        return switch (name) {
            case "multi", "exec", "discard", "watch", "unwatch" -> true;
            default -> false;
        };
    }

    /**
     * Relays the command if this session should.
     *
     * @param name       lower-case command name ("" if unknown here)
     * @param relayable  whether the command may start relaying (data and transaction commands)
     * @param localClean whether this session holds no local MULTI/WATCH state
     * @return the leader's answer, or empty to run the command here
     */
    public Optional<Response> relay(String name, List<byte[]> args, boolean relayable, boolean localClean) {
        if (disabled) return Optional.empty();
        if (conn != null && !upstreamStateful() && (!conn.isOpen() || !leaderStill(conn.address()))) detach();
        if (conn != null && !conn.isOpen()) return Optional.of(lostState(name));
        if (conn == null) {
            viaMux = false;
            if (!relayable || !localClean) return Optional.empty();
            Optional<InetSocketAddress> leader = relay.target().leader();
            if (leader.isEmpty()) return Optional.empty();
            if (relay.muxes() != null && !needsOwnConnection(name)) return relayViaMux(name, args, leader.get());
            try {
                conn = relay.connector().connect(leader.get(), loop);
            } catch (java.io.IOException e) {
                return Optional.empty(); // nothing sent: run it here
            }
        }
        try {
            Reply r = conn.call(args, relay.timeoutMillis());
            track(name, r);
            return Optional.of(Response.of(r));
        } catch (RelayBrokenException e) {
            return rerunOr(broken(name, e.getMessage()));
        }
    }

    private Optional<Response> relayViaMux(String name, List<byte[]> args, InetSocketAddress leader) {
        RelayConnection mux;
        try {
            mux = relay.muxes().obtain(loop, leader, relay.connector());
        } catch (java.io.IOException e) {
            return Optional.empty(); // nothing sent: run it here
        }
        viaMux = true;
        try {
            return Optional.of(Response.of(mux.call(args, relay.timeoutMillis())));
        } catch (RelayBrokenException e) {
            return rerunOr(broken(name, e.getMessage()));
        }
    }

    /**
     * The fast path of {@link #relay}: a session already attached to the current leader sends the
     * command without blocking a thread. Empty when the blocking path has to decide (not attached,
     * connection closed, leadership moved, a transaction command on the shared connection).
     */
    public Optional<CompletableFuture<Response>> relayAsync(String name, List<byte[]> args) {
        if (disabled || relay.rerunUnknown()) return Optional.empty(); // the bug lives on the blocking path
        RelayConnection c;
        if (conn != null) {
            if (!conn.isOpen() || (!upstreamStateful() && !leaderStill(conn.address()))) return Optional.empty();
            c = conn;
        } else {
            if (!viaMux || needsOwnConnection(name)) return Optional.empty();
            Optional<InetSocketAddress> leader = relay.target().leader();
            if (leader.isEmpty()) return Optional.empty();
            Optional<RelayConnection> mux = relay.muxes().current(loop, leader.get());
            if (mux.isEmpty()) return Optional.empty();
            c = mux.get();
        }
        CompletableFuture<Reply> reply = c.send(args);
        c.closeIfSilent(reply, relay.timeoutMillis());
        return Optional.of(reply.handle((r, err) -> {
            if (err == null) {
                track(name, r);
                return Response.of(r);
            }
            Throwable cause = Futures.cause(err);
            return broken(name, String.valueOf(cause.getMessage()));
        }));
    }

    private boolean leaderStill(InetSocketAddress a) {
        return relay.target().leader().map(a::equals).orElse(false);
    }

    private boolean upstreamStateful() {
        return upstreamMulti || upstreamWatch;
    }

    private void track(String name, Reply r) {
        switch (name) {
            case "multi" -> upstreamMulti |= Reply.OK.equals(r);
            case "watch" -> upstreamWatch |= Reply.OK.equals(r);
            case "exec", "discard" -> upstreamMulti = upstreamWatch = false;
            case "unwatch" -> upstreamWatch = false;
            default -> { }
        }
    }

    /** The connection closed while idle but the leader held this client's MULTI/WATCH state. */
    private Response lostState(String name) {
        return broken(name, "connection to the leader closed");
    }

    /**
     * {@code broken}, or with the {@code retry-new-seq} bug flag (when the leader held no MULTI/WATCH state
     * for this session) empty: the caller runs the command here, computing its positions afresh although
     * the leader may have applied it already.
     */
    private Optional<Response> rerunOr(Response broken) {
        return relay.rerunUnknown() && !broken.close() ? Optional.empty() : Optional.of(broken);
    }

    private Response broken(String name, String why) {
        boolean hadState = upstreamStateful();
        detach();
        boolean mayHaveWritten = !(name.equals("multi") || name.equals("watch") || name.equals("unwatch")
                || name.equals("discard"));
        String text = mayHaveWritten
                ? "UNKNOWN outcome unknown: " + why
                : "TRYAGAIN " + why;
        if (hadState) text += " (the transaction state held by the leader is lost; reconnect)";
        return new Response(Reply.error(text), hadState);
    }

    /** Leaves the leader: closes this session's own connection (never the shared one). */
    private void detach() {
        if (conn != null) conn.close();
        conn = null;
        viaMux = false;
        upstreamMulti = upstreamWatch = false;
    }

    @Override
    public void close() {
        detach();
    }
}
