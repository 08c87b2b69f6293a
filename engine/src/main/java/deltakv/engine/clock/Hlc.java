package deltakv.engine.clock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hybrid logical clock: ts = (physical ms << 16) | logical. Issued timestamps are strictly
 * monotonic even if the wall clock goes backwards (the logical part counts on, overflowing into
 * the physical part), and {@link #observe} keeps them above every timestamp seen in the log.
 */
public final class Hlc {
    public static final int LOGICAL_BITS = 16;

    private final WallClock wall;
    private final AtomicLong last = new AtomicLong();

    public Hlc(WallClock wall) {
        this.wall = wall;
    }

    /** A fresh timestamp, strictly above every timestamp issued or observed before. */
    public long next() {
        long physical = physicalNow();
        return last.updateAndGet(prev -> Math.max(prev + 1, physical));
    }

    /** The current clock value without issuing a new timestamp (never below earlier results). */
    public long now() {
        long physical = physicalNow();
        return last.updateAndGet(prev -> Math.max(prev, physical));
    }

    /** Moves the clock to at least {@code ts}, so later timestamps are above it. */
    public void observe(long ts) {
        last.accumulateAndGet(ts, Math::max);
    }

    /** The wall clock under this HLC, which may jump back (only the {@code lease-outlives-leadership} bug flag reads it). */
    public long wallMillis() {
        return wall.millis();
    }

    public static long physicalMillis(long ts) {
        return ts >>> LOGICAL_BITS;
    }

    public static long logical(long ts) {
        return ts & ((1L << LOGICAL_BITS) - 1);
    }

    public static long of(long millis, long logical) {
        return (millis << LOGICAL_BITS) | logical;
    }

    private long physicalNow() {
        return wall.millis() << LOGICAL_BITS;
    }
}
