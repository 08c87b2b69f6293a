package deltakv.engine.redis.admin;

/** The node's injectable wall-clock offset (clock-skew nemesis), without touching the OS clock. */
public interface ClockControl {
    long offsetMs();

    void setOffsetMs(long offsetMs);

    /** The node's current HLC reading, for display. */
    long hlcNow();
}
