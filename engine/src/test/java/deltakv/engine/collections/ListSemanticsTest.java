package deltakv.engine.collections;

import static deltakv.engine.collections.DataFixture.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.Variant;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** List behaviour that must be identical in both variants. */
class ListSemanticsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"RMW", "DELTA", "DELTA_CF"})
    void pushPopRangeIndex(Variant v) {
        try (DataFixture f = new DataFixture(dir, v)) {
            assertEquals(3, f.push("l", End.RIGHT, "a", "b", "c"));
            assertEquals(5, f.push("l", End.LEFT, "y", "x"));
            assertEquals(List.of("x", "y", "a", "b", "c"), f.range("l"));
            assertEquals(List.of("b", "c"), f.strings(f.run(t -> f.lists().range(t, b("l"), -2, 100))));
            assertEquals(List.of(), f.strings(f.run(t -> f.lists().range(t, b("l"), 3, 1))));
            assertEquals("c", f.index("l", -1));
            assertNull(f.index("l", 5));
            assertEquals(List.of("x", "y"), f.pop("l", End.LEFT, 2));
            assertEquals(List.of("c"), f.pop("l", End.RIGHT, 1));
            assertEquals(List.of("a", "b"), f.range("l"));
            assertEquals(2, f.len("l"));
            assertEquals(List.of("b", "a"), f.pop("l", End.RIGHT, 10));
            assertEquals(0, f.len("l"));
            assertEquals(List.of(), f.pop("l", End.LEFT, 1));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"RMW", "DELTA", "DELTA_CF"})
    void recycledSequencesStayVisible(Variant v) {
        try (DataFixture f = new DataFixture(dir, v)) {
            f.push("l", End.RIGHT, "a", "b");
            f.pop("l", End.LEFT, 1);               // claims seq 0 (delta)
            f.push("l", End.LEFT, "z");             // reuses seq 0: the old claim must go
            f.pop("l", End.RIGHT, 1);               // claims seq 1
            f.push("l", End.RIGHT, "c");            // reuses seq 1
            assertEquals(List.of("z", "c"), f.range("l"));
            assertEquals(2, f.len("l"));
            assertEquals("c", f.index("l", 1));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"RMW", "DELTA", "DELTA_CF"})
    void emptiedListDisappearsAndDelStartsFresh(Variant v) {
        try (DataFixture f = new DataFixture(dir, v)) {
            f.push("l", End.RIGHT, "a");
            f.pop("l", End.LEFT, 1);
            assertEquals("none", ((deltakv.engine.redis.Reply.Simple) f.cmd("TYPE", "l")).text());
            assertEquals(new deltakv.engine.redis.Reply.Int(0), f.cmd("EXISTS", "l"));
            f.push("l", End.RIGHT, "a", "b");
            assertEquals(new deltakv.engine.redis.Reply.Int(1), f.cmd("DEL", "l"));
            assertTrue(f.internalKeys("l").isEmpty(), "DEL leaves no internal keys");
            assertEquals(1, f.push("l", End.RIGHT, "new"));
            assertEquals(List.of("new"), f.range("l"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"RMW", "DELTA", "DELTA_CF"})
    void multiStylePushThenReadThenDelInOneTransaction(Variant v) {
        try (DataFixture f = new DataFixture(dir, v)) {
            f.push("l", End.RIGHT, "old");
            List<String> seen = f.run(t -> {
                f.lists().push(t, b("l"), End.RIGHT, DataFixture.bytesList("a", "b"));
                f.lists().pop(t, b("l"), End.LEFT, 1);
                return DataFixture.strings(f.lists().range(t, b("l"), 0, -1));
            });
            assertEquals(List.of("a", "b"), seen, "later commands of a transaction see its earlier deltas");
            assertEquals(List.of("a", "b"), f.range("l"));
            long len = f.run(t -> {
                f.lists().push(t, b("l"), End.LEFT, DataFixture.bytesList("c"));
                f.lists().delete(t, b("l"));
                f.lists().push(t, b("l"), End.RIGHT, DataFixture.bytesList("fresh"));
                return f.lists().length(t, b("l"));
            });
            assertEquals(1, len);
            assertEquals(List.of("fresh"), f.range("l"), "a DEL cancels the transaction's own earlier deltas");
        }
    }
}
