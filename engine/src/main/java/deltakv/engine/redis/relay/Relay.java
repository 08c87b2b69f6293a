package deltakv.engine.redis.relay;

/**
 * What a node's sessions need to relay commands to the leader (ARCHITECTURE.md: "any node accepts
 * any command; followers forward to the leader").
 *
 * @param target        who leads now, as seen by this node
 * @param connector     opens the per-session connections
 * @param timeoutMillis how long to wait for the leader's reply before declaring the outcome unknown
 * @param muxes         the shared connections, or null to give every session its own
 * @param rerunUnknown  the {@code retry-new-seq} bug flag: a command whose relayed outcome is unknown (the
 *                      leader died or was cut off mid-command) is run again here, as a new transaction,
 *                      instead of answering "outcome unknown"
 */
public record Relay(RelayTarget target, RelayConnector connector, long timeoutMillis, MuxConnections muxes,
                    boolean rerunUnknown) {
    /** No relaying: every command runs on the node that received it. */
    public static final Relay OFF = new Relay(RelayTarget.NONE, null, 0, null, false);

    /** Relaying with shared connections for sessions without MULTI/WATCH state. */
    public Relay(RelayTarget target, RelayConnector connector, long timeoutMillis) {
        this(target, connector, timeoutMillis, new MuxConnections(), false);
    }

    /** The same relay with the {@code retry-new-seq} bug. */
    public Relay rerunningUnknown() {
        return new Relay(target, connector, timeoutMillis, muxes, true);
    }

    public boolean enabled() {
        return connector != null;
    }
}
