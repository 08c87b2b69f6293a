package deltakv.engine.redis;

import static deltakv.engine.collections.DataFixture.b;
import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.engine.Variant;
import deltakv.engine.collections.DataFixture;
import deltakv.engine.collections.End;
import deltakv.engine.txn.Txn;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code multi-read-untracked} flag's mechanism, deterministically: a block reads a list, another
 * transaction pushes to it (only during the block's first attempt), then the block writes elsewhere. Read
 * through the transaction, the read conflicts and the block runs again (2 attempts); read through
 * {@link UntrackedReads}, it commits on the first attempt with what it read before the push.
 */
class UntrackedReadsTest {
    @TempDir
    Path dir;

    private static int attempts(DataFixture f, Function<Txn, Txn> view) {
        AtomicInteger n = new AtomicInteger();
        f.run(t -> {
            f.lists().range(view.apply(t), b("l"), 0, -1);
            if (n.incrementAndGet() == 1) f.push("l", End.RIGHT, "concurrent");
            t.put(b("other"), b("x"));
            return null;
        });
        return n.get();
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"RMW", "DELTA", "DELTA_CF"})
    void aReadInsideMultiConflictsUnlessTheFlagUntracksIt(Variant v) {
        try (DataFixture f = new DataFixture(dir.resolve("tracked"), v)) {
            f.push("l", End.RIGHT, "a");
            assertEquals(2, attempts(f, t -> t), "the correct engine: the read conflicts with the push");
        }
        try (DataFixture f = new DataFixture(dir.resolve("untracked"), v)) {
            f.push("l", End.RIGHT, "a");
            assertEquals(1, attempts(f, UntrackedReads::new), "the bug: nothing conflicts, the stale read commits");
        }
    }
}
