package deltakv.engine.collections;

import static deltakv.engine.collections.DataFixture.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.Bug;
import deltakv.engine.EngineConfig;
import deltakv.engine.PopBounds;
import deltakv.engine.redis.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PopBounds#CLAIM_GC}: pops leave the bounds, readers skip the claims inside them, and the claim GC
 * moves Head and Tail through the contiguous claims at either end. With both-end pops there is a gap
 * between the two runs of claims, which {@code compactor-skips-gap} jumps.
 */
class ClaimGcBoundsTest {
    @TempDir
    Path dir;

    private final EngineDefaults cfg = new EngineDefaults();

    private EngineConfig claimGc(Set<Bug> bugs) {
        return cfg.delta(64, 256, 512, bugs).withPopBounds(PopBounds.CLAIM_GC);
    }

    private static ListMeta base(DataFixture f) {
        return StoredBase.decode(f.run(t -> t.getUntracked(ListKeys.baseMeta(b("l"))))).meta();
    }

    @Test
    void popsLeaveTheBoundsAndClaimGcMovesThem() {
        try (DataFixture f = new DataFixture(dir, claimGc(Set.of()))) {
            f.push("l", End.RIGHT, "e0", "e1", "e2", "e3", "e4", "e5");
            assertEquals(List.of("e0", "e1"), f.pop("l", End.LEFT, 2));
            assertEquals(List.of("e5"), f.pop("l", End.RIGHT, 1));
            assertEquals(List.of("e2", "e3", "e4"), f.range("l"));
            assertEquals(3, f.len("l"));
            assertEquals("e4", f.index("l", -1));
            assertEquals(4, f.push("l", End.RIGHT, "e6"), "a push replies the elements, not Len");
            f.compactor().compactNow(b("l"));
            assertEquals(new ListMeta(2, 5), base(f), "Head moved through e0..e1; Tail stays after e6, pushed after e5");
            assertEquals(1, f.count(ListKeys.claims(b("l"))), "e5's claim now lies behind e6");
            assertEquals(List.of("e2", "e3", "e4", "e6"), f.range("l"));
        }
    }

    @Test
    void theGcStopsAtTheGapBetweenTheEnds() {
        try (DataFixture f = new DataFixture(dir, claimGc(Set.of()))) {
            f.push("l", End.RIGHT, "e0", "e1", "e2", "e3");
            f.pop("l", End.LEFT, 1);
            f.pop("l", End.RIGHT, 1);
            f.push("l", End.LEFT, "x"); // in front of the claimed e0: a gap at Head
            f.compactor().compactNow(b("l"));
            assertEquals(List.of("x", "e1", "e2"), f.range("l"));
            assertEquals(1, f.count(ListKeys.claims(b("l"))), "e0's claim waits behind x; e3's went with Tail");
            assertEquals(List.of("x", "e1"), f.pop("l", End.LEFT, 2));
            f.compactor().compactNow(b("l"));
            assertEquals(List.of("e2"), f.range("l"));
            assertEquals(0, f.count(ListKeys.claims(b("l"))));
        }
    }

    @Test
    void compactorSkipsGapBugLosesTheElementsBetweenTheEnds() {
        try (DataFixture f = new DataFixture(dir, claimGc(Set.of(Bug.COMPACTOR_SKIPS_GAP)))) {
            f.push("l", End.RIGHT, "e0", "e1", "e2", "e3");
            f.pop("l", End.LEFT, 1);
            f.pop("l", End.RIGHT, 1);
            assertEquals(List.of("e1", "e2"), f.range("l"));
            f.compactor().compactNow(b("l"));
            assertEquals(List.of(), f.range("l"), "must-fail input: Head jumped the gap over e1 and e2");
        }
    }

    @Test
    void withPopDeltasTheBugHasNothingToSkip() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(64, 256, 512, Set.of(Bug.COMPACTOR_SKIPS_GAP)))) {
            f.push("l", End.RIGHT, "e0", "e1", "e2", "e3");
            f.pop("l", End.LEFT, 1);
            f.pop("l", End.RIGHT, 1);
            f.compactor().compactNow(b("l"));
            assertEquals(List.of("e1", "e2"), f.range("l"), "every claim is already outside [Head, Tail)");
        }
    }

    @Test
    void aPopWithACountScansEachClaimOnce() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(64, 256, 512, Set.of()).withPopBounds(PopBounds.CLAIM_GC))) {
            String[] values = new String[400];
            for (int i = 0; i < values.length; i++) values[i] = "e" + i;
            f.push("l", End.RIGHT, values);
            List<Integer> scans = f.run(t -> {
                ScanRecordingTxn rec = new ScanRecordingTxn(t);
                int popped = f.lists().pop(rec, b("l"), End.LEFT, 300).size();
                return List.of(popped, rec.scansIn(ListKeys.claims(b("l"))).size());
            });
            assertEquals(300, scans.get(0));
            // one claim scan per element popped (window 8 here), not one per claim already passed
            assertTrue(scans.get(1) <= 301, "claim scans: " + scans.get(1));
            assertEquals(100, f.len("l"));
            assertEquals("e300", f.index("l", 0));
        }
    }

    @Test
    void aListWhoseElementsAreAllClaimedDoesNotExist() {
        try (DataFixture f = new DataFixture(dir, claimGc(Set.of()))) {
            f.push("l", End.RIGHT, "a", "b");
            f.pop("l", End.LEFT, 2);
            assertEquals(0, f.len("l"));
            assertEquals(List.of(), f.pop("l", End.RIGHT, 1));
            assertEquals(new Reply.Int(0), f.cmd("EXISTS", "l"));
            assertEquals(new Reply.Int(0), f.cmd("DEL", "l"), "DEL counts keys that exist, as Redis does");
        }
    }
}
