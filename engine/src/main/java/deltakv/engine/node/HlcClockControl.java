package deltakv.engine.node;

import deltakv.engine.clock.Hlc;
import deltakv.engine.clock.OffsetClock;
import deltakv.engine.redis.admin.ClockControl;

/** DKV.CLOCK on a node: shifts the wall clock under its HLC. */
record HlcClockControl(OffsetClock wall, Hlc hlc) implements ClockControl {
    @Override
    public long offsetMs() {
        return wall.offsetMillis();
    }

    @Override
    public void setOffsetMs(long offsetMs) {
        wall.setOffsetMillis(offsetMs);
    }

    @Override
    public long hlcNow() {
        return hlc.now();
    }
}
