package deltakv.engine.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.EngineConfig;
import deltakv.engine.PopBounds;
import deltakv.engine.Variant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several pushers and poppers on one hot list, both ends, real executor and store (and, for delta, the
 * compactor ticking every few ms with a small threshold; with claim-gc it also moves the bounds): every
 * pushed element is popped exactly once.
 */
class HotListConcurrencyTest {
    private static final int PUSHERS = 3;
    private static final int POPPERS = 3;
    private static final int PER_PUSHER = 300;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"rmw", "delta", "delta-cf", "delta+claim-gc"})
    void everyElementPoppedExactlyOnce(String variant) throws Exception {
        EngineConfig cfg = new EngineConfig(Variant.parse(variant.replace("+claim-gc", "")), Set.of(), 8, 256, 256, 512,
                Duration.ofMillis(3), 4, variant.endsWith("+claim-gc") ? PopBounds.CLAIM_GC : PopBounds.DELTA);
        try (DataFixture f = new DataFixture(dir, cfg)) {
            f.data.compactor().ifPresent(Compactor::start);
            // Off the empty store first: a snapshot at applied ts 0 is older than the GC retention once the first
            // commit moves applied ts to the clock, so the workers' first commits would retry (docs/engine-core.md).
            f.push("warm-up", End.RIGHT, "x");
            ExecutorService pool = Executors.newFixedThreadPool(PUSHERS + POPPERS);
            AtomicInteger pushersDone = new AtomicInteger();
            List<String> popped = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> futures = new ArrayList<>();
            for (int p = 0; p < PUSHERS; p++) {
                int id = p;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < PER_PUSHER; i++) f.push("q", i % 2 == 0 ? End.RIGHT : End.LEFT, id + ":" + i);
                    pushersDone.incrementAndGet();
                }));
            }
            for (int c = 0; c < POPPERS; c++) {
                int id = c;
                futures.add(pool.submit(() -> {
                    while (true) {
                        boolean finished = pushersDone.get() == PUSHERS;
                        List<String> got = f.pop("q", id % 2 == 0 ? End.LEFT : End.RIGHT, 1 + id);
                        popped.addAll(got);
                        if (got.isEmpty() && finished) return;
                    }
                }));
            }
            for (Future<?> fu : futures) fu.get(120, TimeUnit.SECONDS);
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));

            Set<String> unique = new HashSet<>(popped);
            assertEquals(popped.size(), unique.size(), "no element popped twice");
            assertEquals(PUSHERS * PER_PUSHER, unique.size(), "no element lost");
            assertEquals(0, f.len("q"));
            if (variant.equals("delta-cf")) {
                assertEquals(0, f.stats.snapshot().conflicts(), "delta-cf: pushes and pops never conflict: " + f.stats.snapshot());
            }
            // delta-cf has a compactor too, for its collections' Len deltas; its lists keep none
            if (!variant.equals("delta-cf")) f.data.compactor().ifPresent(comp -> {
                comp.close();
                assertTrue(comp.stats().keysCompacted() > 0, "the compactor ran concurrently: " + comp.stats());
                comp.compactNow(DataFixture.b("q"));
                assertEquals(0, f.count(ListKeys.claims(DataFixture.b("q"))));
                assertEquals(0, f.count(ListKeys.items(DataFixture.b("q"))));
                assertTrue(comp.stats().deltasFolded() > 0);
            });
        }
    }
}
