package deltakv.engine.raft;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * How long a read round that confirmed this node's leadership keeps it confirmed, so that reads
 * arriving meanwhile need no round of their own.
 *
 * <p>Why it is safe: a round that succeeded on the leader either used Ratis's lease — valid at some
 * time S' after the round started at S, which means a majority acknowledged heartbeats sent less than
 * 0.9 × the minimum election timeout before S', so no other leader can exist before S' + 0.1 × that
 * timeout — or a heartbeat round sent after S, which gives even longer. This window ends at
 * S + 0.05 × the minimum election timeout (20 ms with 400 ms), half of that margin, on the monotonic
 * clock (the clock nemesis moves only the HLC's wall clock). Within it this node is the only leader,
 * and a leader acknowledges a write only after applying it, so its applied watermark holds every write
 * acknowledged before a read arrived. A node that was not leader when the round started or ended gets
 * no window (a follower's round confirms the leader, not itself).
 */
final class LeadershipWindow {
    private static final long NOT_LEADER = Long.MIN_VALUE;

    private final BooleanSupplier leader;
    private final long windowNanos;
    private final LongSupplier clockNanos;
    private final boolean recheckRole;
    private volatile long until;

    LeadershipWindow(BooleanSupplier leader, long electionMinMillis) {
        this(leader, electionMinMillis * 1_000_000L / 20, System::nanoTime, true);
    }

    private LeadershipWindow(BooleanSupplier leader, long windowNanos, LongSupplier clockNanos, boolean recheckRole) {
        this.leader = leader;
        this.windowNanos = windowNanos;
        this.clockNanos = clockNanos;
        this.recheckRole = recheckRole;
        this.until = clockNanos.getAsLong() - 1;
    }

    /**
     * The {@code lease-outlives-leadership} bug flag: a lease of 10 × the minimum election timeout (4 s by
     * default), far longer than it takes the rest of the cluster to elect a new leader, measured on
     * {@code wallMillis} (the node's offset clock, which the clock nemesis moves), and honoured whether or
     * not this node still believes it leads.
     * A partitioned leader then keeps answering reads from its own state while the majority commits writes.
     */
    static LeadershipWindow outlivingLease(BooleanSupplier leader, long electionMinMillis, LongSupplier wallMillis) {
        return new LeadershipWindow(leader, electionMinMillis * 10 * 1_000_000L,
                () -> wallMillis.getAsLong() * 1_000_000L, false);
    }

    /** Call as a round starts; pass the result to {@link #roundSucceeded}. */
    long roundStarting() {
        return leader.getAsBoolean() ? clockNanos.getAsLong() : NOT_LEADER;
    }

    void roundSucceeded(long startedAt) {
        if (startedAt == NOT_LEADER || !leader.getAsBoolean()) return;
        long end = startedAt + windowNanos;
        if (end - until > 0) until = end;
    }

    /** Whether leadership is confirmed now (no round needed). */
    boolean open() {
        return until - clockNanos.getAsLong() > 0 && (!recheckRole || leader.getAsBoolean());
    }

    /** Whether the window ends within half its length: time to start the next round in the background. */
    boolean closingSoon() {
        return until - clockNanos.getAsLong() < windowNanos / 2;
    }
}
