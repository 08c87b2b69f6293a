package deltakv.engine.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HlcTest {
    final AtomicLong wall = new AtomicLong(1_000);
    final Hlc hlc = new Hlc(wall::get);

    @Test
    void timestampsFollowTheWallClockWithLogicalZero() {
        assertEquals(Hlc.of(1_000, 0), hlc.next());
        wall.set(2_000);
        long ts = hlc.next();
        assertEquals(2_000, Hlc.physicalMillis(ts));
        assertEquals(0, Hlc.logical(ts));
    }

    @Test
    void strictlyMonotonicWhenTheClockStandsStillOrGoesBackwards() {
        long prev = hlc.next();
        for (int i = 0; i < 1000; i++) {
            if (i == 500) wall.set(10); // clock jumps far back
            long ts = hlc.next();
            assertTrue(ts > prev);
            prev = ts;
        }
        assertEquals(1_000, Hlc.physicalMillis(prev));
        assertEquals(1000, Hlc.logical(prev));
        assertTrue(hlc.now() >= prev);
    }

    @Test
    void logicalOverflowRollsIntoPhysical() {
        hlc.observe(Hlc.of(1_000, 0xFFFF));
        long ts = hlc.next();
        assertEquals(Hlc.of(1_001, 0), ts);
    }

    @Test
    void observeMovesTheClockForwardOnlyAndNextIsAbove() {
        long remote = Hlc.of(5_000, 7);
        hlc.observe(remote);
        assertEquals(remote, hlc.now());
        assertEquals(remote + 1, hlc.next());
        hlc.observe(Hlc.of(10, 0)); // older: ignored
        assertTrue(hlc.next() > remote + 1);
    }

    @Test
    void offsetClockShiftsAtRunTime() {
        OffsetClock clock = new OffsetClock(wall::get);
        Hlc skewed = new Hlc(clock);
        clock.setOffsetMillis(60_000);
        assertEquals(60_000, clock.offsetMillis());
        assertEquals(61_000, Hlc.physicalMillis(skewed.next()));
        clock.setOffsetMillis(-500);
        assertEquals(500, clock.millis());
        assertTrue(Hlc.physicalMillis(skewed.next()) == 61_000, "skewing back never makes timestamps go back");
    }

    @Test
    void uniqueAcrossThreads() throws Exception {
        ConcurrentHashMap<Long, Boolean> seen = new ConcurrentHashMap<>();
        Thread[] ts = new Thread[4];
        for (int t = 0; t < ts.length; t++) {
            ts[t] = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) assertEquals(null, seen.put(hlc.next(), true));
            });
            ts[t].start();
        }
        for (Thread t : ts) t.join();
        assertEquals(80_000, seen.size());
    }
}
