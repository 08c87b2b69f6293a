package deltakv.engine.collections;

import static deltakv.engine.collections.DataFixture.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import deltakv.engine.Bug;
import deltakv.engine.EngineConfig;
import deltakv.engine.Variant;
import deltakv.engine.redis.Reply;
import deltakv.engine.txn.MultiBlock;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bug flags of the data layer make the anomaly observable; the correct engine passes the same script. */
class DataBugFlagsTest {
    @TempDir
    Path dir;

    private static List<String> recycleScript(DataFixture f) {
        f.push("l", End.RIGHT, "a", "b");
        f.pop("l", End.LEFT, 1);      // claim on seq 0
        f.push("l", End.LEFT, "z");   // seq 0 again
        return f.range("l");
    }

    @Test
    void pushKeepsStaleClaimHidesTheNewElement() {
        try (DataFixture ok = new DataFixture(dir.resolve("ok"), Variant.DELTA)) {
            assertEquals(List.of("z", "b"), recycleScript(ok));
        }
        EngineConfig buggy = EngineConfig.defaults(Variant.DELTA).withBugs(Set.of(Bug.PUSH_KEEPS_STALE_CLAIM));
        try (DataFixture bad = new DataFixture(dir.resolve("bad"), buggy)) {
            assertNotEquals(List.of("z", "b"), recycleScript(bad));
        }
    }

    private DataFixture fixture(String name, Bug... bugs) {
        return new DataFixture(dir.resolve(name), EngineConfig.defaults(Variant.DELTA).withBugs(Set.of(bugs)));
    }

    /** Two plain pushes (two deltas), then one push inside a MULTI/EXEC body. */
    private static void pushThenPushInMulti(DataFixture f) {
        f.push("l", End.RIGHT, "a", "b");
        f.run(t -> {
            MultiBlock.mark(t);
            return f.lists().push(t, b("l"), End.RIGHT, List.of(b("c")));
        });
    }

    @Test
    void multiKeepsDeltasCountsThemTwice() {
        try (DataFixture ok = fixture("ok")) {
            pushThenPushInMulti(ok);
            assertEquals(3, ok.len("l"));
            assertEquals(List.of("a", "b", "c"), ok.range("l"));
        }
        try (DataFixture bad = fixture("bad", Bug.MULTI_KEEPS_DELTAS)) {
            pushThenPushInMulti(bad);
            assertEquals(5, bad.len("l"), "base 3 written by MULTI + the 2 deltas it had already counted");
            bad.push("l", End.RIGHT, "d");
            assertEquals(List.of("a", "b", "c", "d"), bad.range("l"), "LRANGE skips the gap");
            assertEquals(List.of("a", "b", "c"), bad.pop("l", End.LEFT, 3));
            assertEquals(3, bad.len("l"), "a list holding one element");
        }
    }

    @Test
    void multiStartTsBaseOnlyDropsTheDeltasItNeverRead() {
        try (DataFixture bad = fixture("bad", Bug.MULTI_STARTTS_BASE_ONLY)) {
            pushThenPushInMulti(bad);
            assertEquals(List.of("c"), bad.range("l"), "c overwrote a at the base's Tail; a and b are gone");
            assertEquals(1, bad.len("l"));
        }
    }

    /**
     * A push resolves the list's bounds (base read untracked) and, before it commits, a compaction folds
     * the list to Len 0. The correct compaction keeps the base and collects the claim the push tracked, so
     * the push conflicts and runs again; the buggy one deletes the base and leaves the claim.
     */
    private static List<String> pushRacingEmptyCompaction(DataFixture f, boolean dropsEmptyMeta) {
        f.push("l", End.RIGHT, "a");
        f.pop("l", End.LEFT, 1);
        CompactionStep step = new CompactionStep(256, new ClaimGc(false), dropsEmptyMeta);
        boolean[] compacted = {false};
        f.run(t -> {
            long n = f.lists().push(t, b("l"), End.RIGHT, List.of(b("x")));
            if (!compacted[0]) {
                compacted[0] = true;
                f.run(u -> step.step(u, b("l")));
            }
            return n;
        });
        return f.range("l");
    }

    @Test
    void emptyListDropsMetaLosesARacingPush() {
        try (DataFixture ok = fixture("ok")) {
            assertEquals(List.of("x"), pushRacingEmptyCompaction(ok, false));
        }
        try (DataFixture bad = fixture("bad", Bug.EMPTY_LIST_DROPS_META)) {
            assertEquals(List.of(), pushRacingEmptyCompaction(bad, true),
                    "the bounds restarted at 0, where the old claim hides a; x sits at 1, beyond the Tail");
        }
    }

    @Test
    void updateWritesDeltaCountsAnOverwrittenFieldAgain() {
        try (DataFixture ok = fixture("ok")) {
            ok.cmd("HSET", "h", "f", "1");
            ok.cmd("HSET", "h", "f", "2");
            ok.cmd("SADD", "s", "m", "m");
            assertEquals(new Reply.Int(1), ok.cmd("HLEN", "h"));
            assertEquals(new Reply.Int(1), ok.cmd("SCARD", "s"));
        }
        try (DataFixture bad = fixture("bad", Bug.UPDATE_WRITES_DELTA)) {
            bad.cmd("HSET", "h", "f", "1");
            bad.cmd("HSET", "h", "f", "2");
            bad.cmd("SADD", "s", "m", "m");
            assertEquals(new Reply.Int(2), bad.cmd("HLEN", "h"), "one field, counted twice");
            assertEquals(new Reply.Int(2), bad.cmd("SCARD", "s"));
        }
    }
}
