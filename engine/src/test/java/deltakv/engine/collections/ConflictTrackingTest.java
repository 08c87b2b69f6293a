package deltakv.engine.collections;

import static deltakv.engine.collections.DataFixture.b;
import static deltakv.engine.collections.DataFixture.bytesList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.Variant;
import deltakv.engine.txn.Txn;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deterministic interleavings: a body does its reads, another transaction commits in between (only on
 * the body's first attempt), then the body commits. We count the body's attempts: 2 = it conflicted.
 */
class ConflictTrackingTest {
    @TempDir
    Path dir;

    private static int attempts(DataFixture f, Consumer<Txn> body, Runnable between) {
        AtomicInteger n = new AtomicInteger();
        f.run(t -> {
            body.accept(t);
            if (n.incrementAndGet() == 1) between.run();
            t.put(b("marker"), b("x")); // make every body a writer, as inside MULTI/EXEC
            return null;
        });
        return n.get();
    }

    private static Runnable push(DataFixture f, End end, String v) {
        return () -> f.push("l", end, v);
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"RMW", "DELTA", "DELTA_CF"})
    void readersConflictWithAnyConcurrentWriter(Variant v) {
        try (DataFixture f = new DataFixture(dir, v)) {
            f.push("l", End.RIGHT, "a", "b", "c");
            ListStore l = f.lists();
            assertEquals(2, attempts(f, t -> l.range(t, b("l"), 0, -1), push(f, End.RIGHT, "x")));
            assertEquals(2, attempts(f, t -> l.length(t, b("l")), push(f, End.LEFT, "y")));
            assertEquals(2, attempts(f, t -> l.index(t, b("l"), 0), () -> f.pop("l", End.RIGHT, 1)));
            assertEquals(2, attempts(f, t -> l.range(t, b("l"), 0, -1), () -> f.cmd("DEL", "l")));
            assertEquals(2, attempts(f, t -> l.length(t, b("l")), push(f, End.RIGHT, "fresh")), "empty list read");
            assertEquals(2, attempts(f, t -> l.pop(t, b("l"), End.LEFT, 1), push(f, End.RIGHT, "z")));
        }
    }

    @Test
    void deltaPushesAtOppositeEndsDoNotConflictButRmwOnesDo() {
        try (DataFixture f = new DataFixture(dir.resolve("d"), Variant.DELTA)) {
            f.push("l", End.RIGHT, "a");
            assertEquals(1, attempts(f, t -> f.lists().push(t, b("l"), End.LEFT, bytesList("L")), push(f, End.RIGHT, "R")));
            assertEquals(List.of("L", "a", "R"), f.range("l"));
            assertEquals(2, attempts(f, t -> f.lists().push(t, b("l"), End.RIGHT, bytesList("R2")), push(f, End.RIGHT, "R1")),
                    "same-end pushes write the same item key");
            assertEquals(List.of("L", "a", "R", "R1", "R2"), f.range("l"));
        }
        try (DataFixture f = new DataFixture(dir.resolve("r"), Variant.RMW)) {
            f.push("l", End.RIGHT, "a");
            assertEquals(2, attempts(f, t -> f.lists().push(t, b("l"), End.LEFT, bytesList("L")), push(f, End.RIGHT, "R")));
        }
    }

    @Test
    void deltaPushCommittingAfterAPopAtTheSameEndRetries() {
        try (DataFixture f = new DataFixture(dir, Variant.DELTA)) {
            f.push("l", End.RIGHT, "a", "b", "c");
            assertEquals(2, attempts(f, t -> f.lists().push(t, b("l"), End.RIGHT, bytesList("x")), () -> f.pop("l", End.RIGHT, 1)));
            assertEquals(List.of("a", "b", "x"), f.range("l"));
            assertEquals(2, attempts(f, t -> f.lists().push(t, b("l"), End.LEFT, bytesList("y")), () -> f.pop("l", End.LEFT, 1)));
            assertEquals(List.of("y", "b", "x"), f.range("l"));
            assertEquals(3, f.len("l"));
        }
    }

    @Test
    void deltaPushCommittingAfterADelRetriesInsteadOfLeavingOrphans() {
        try (DataFixture f = new DataFixture(dir, Variant.DELTA)) {
            f.push("l", End.RIGHT, "a", "b");
            assertEquals(2, attempts(f, t -> f.lists().push(t, b("l"), End.RIGHT, bytesList("x")), () -> f.cmd("DEL", "l")));
            assertEquals(List.of("x"), f.range("l"));
            assertEquals(1, f.len("l"));
            f.push("l", End.RIGHT, "y");
            assertEquals(2, attempts(f, t -> f.lists().delete(t, b("l")), push(f, End.LEFT, "w")));
            assertTrue(f.internalKeys("l").isEmpty());
        }
    }

    @Test
    void deltaPushDoesNotConflictWithCompaction() {
        EngineDefaults cfg = new EngineDefaults();
        try (DataFixture f = new DataFixture(dir, cfg.delta(4))) {
            for (int i = 0; i < 6; i++) f.push("l", End.RIGHT, "e" + i);
            assertEquals(1, attempts(f, t -> f.lists().push(t, b("l"), End.RIGHT, bytesList("x")),
                    () -> f.compactor().compactNow(b("l"))));
            assertEquals(List.of("e0", "e1", "e2", "e3", "e4", "e5", "x"), f.range("l"));
            assertEquals(1, f.count(ListKeys.deltaRange(b("l"))));
        }
    }
}
