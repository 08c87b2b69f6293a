package deltakv.engine.collections;

import static deltakv.engine.collections.DataFixture.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.EngineConfig;
import deltakv.engine.Variant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A read over maxDeltaCount deltas asks the running compactor to fold that list now, not at the next tick. */
class CompactorNudgeTest {
    @TempDir
    Path dir;

    /** Ticks practically never fire: any compaction seen here came from a nudge. */
    private static EngineConfig slowTicks() {
        return new EngineConfig(Variant.DELTA, Set.of(), 8, 256, 256, 512, Duration.ofHours(1), 64);
    }

    private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("timed out waiting for the nudged compaction");
            Thread.sleep(5);
        }
    }

    @Test
    void readOverTheThresholdCompactsTheListInTheBackground() throws InterruptedException {
        try (DataFixture f = new DataFixture(dir, slowTicks())) {
            f.compactor().start();
            for (int i = 0; i < 7; i++) f.push("l", End.RIGHT, "e" + i);
            assertEquals(7, f.len("l"));
            Thread.sleep(50);
            assertEquals(0, f.compactor().nudgedCompactions(), "below maxDeltaCount: no nudge");
            f.push("l", End.RIGHT, "e7");
            assertEquals(8, f.len("l"));
            await(() -> f.count(ListKeys.deltaRange(b("l"))) == 0);
            assertTrue(f.compactor().nudgedCompactions() >= 1);
            assertEquals(0, f.compactor().stats().ticks());
            assertEquals(8, f.len("l"));
        }
    }

    @Test
    void pausedOrStoppedCompactorIgnoresNudges() throws InterruptedException {
        try (DataFixture f = new DataFixture(dir, slowTicks())) {
            for (int i = 0; i < 10; i++) f.push("l", End.RIGHT, "e" + i);
            assertEquals(10, f.len("l")); // not started
            f.compactor().start();
            f.compactor().pause();
            assertEquals(10, f.len("l"));
            Thread.sleep(100);
            assertEquals(10, f.count(ListKeys.deltaRange(b("l"))));
            assertEquals(0, f.compactor().nudgedCompactions());
            f.compactor().resume();
            assertEquals(10, f.len("l"));
            await(() -> f.count(ListKeys.deltaRange(b("l"))) == 0);
        }
    }
}
