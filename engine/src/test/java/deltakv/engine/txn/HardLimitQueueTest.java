package deltakv.engine.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.collections.DataFixture;
import deltakv.engine.collections.End;
import deltakv.engine.EngineConfig;
import deltakv.engine.Variant;
import java.time.Duration;
import java.util.Set;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hard-limit path on a thread that must not block (an event loop) queues the key's compaction on the
 * compactor's own thread, once: every retry of every client on a hot key comes through here, and queued runs
 * do not overlap, so without the per-key check each retry queued one more (mostly empty) compaction and other
 * keys' hard-limit compactions waited behind them. (In this package: only it may mark a thread non-blocking.)
 * The key is released when its run starts, so deltas that arrive meanwhile still get a next run.
 */
class HardLimitQueueTest {
    @TempDir
    Path dir;

    @Test
    void aHotKeyQueuesOneCompactionNotOnePerRetry() throws Exception {
        try (DataFixture f = new DataFixture(dir, new EngineConfig(Variant.DELTA, Set.of(), 64, 256, 256, 512, Duration.ofMillis(5), 64))) {
            for (int i = 0; i < 200; i++) f.push("l", End.RIGHT, "e" + i);
            long before = f.compactor().stats().keysCompacted();
            NonBlocking.enter();
            try {
                for (int i = 0; i < 500; i++) f.compactor().compactForHardLimit("l".getBytes(StandardCharsets.UTF_8));
            } finally {
                NonBlocking.exit();
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (f.count(deltakv.engine.collections.ListKeys.deltaRange("l".getBytes(StandardCharsets.UTF_8))) > 0
                    && System.nanoTime() < deadline) Thread.sleep(10);
            Thread.sleep(200); // any further queued runs finish
            long runs = f.compactor().stats().keysCompacted() - before;
            // without the per-key check every hit queues a run: 500
            assertTrue(runs >= 1 && runs < 250, "compactions run for 500 hard-limit hits: " + runs);
            assertEquals(200, f.range("l").size());
        }
    }
}
