package deltakv.engine.clock;

/** A wall clock shifted by an offset that can change at run time (clock-skew nemesis). */
public final class OffsetClock implements WallClock {
    private final WallClock base;
    private volatile long offsetMillis;

    public OffsetClock(WallClock base) {
        this.base = base;
    }

    public static OffsetClock system() {
        return new OffsetClock(WallClock.SYSTEM);
    }

    @Override
    public long millis() {
        return base.millis() + offsetMillis;
    }

    public long offsetMillis() {
        return offsetMillis;
    }

    public void setOffsetMillis(long offset) {
        this.offsetMillis = offset;
    }
}
