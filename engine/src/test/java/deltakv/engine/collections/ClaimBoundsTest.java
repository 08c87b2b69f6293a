package deltakv.engine.collections;

import static deltakv.engine.collections.DataFixture.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.txn.KeyRange;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim bounds stored with the base meta: claim GC scans only between them and the list's range,
 * yet collects every claim a pop left outside the range (also after pushes moved the range back over
 * sequences below the floor or above the ceiling).
 */
class ClaimBoundsTest {
    @TempDir
    Path dir;

    private final EngineDefaults cfg = new EngineDefaults();

    private static StoredBase stored(DataFixture f) {
        return StoredBase.decode(f.run(t -> t.getUntracked(ListKeys.baseMeta(b("l")))));
    }

    @Test
    void popsBelowTheFloorAfterLeftPushesAreCollected() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(64))) {
            f.push("l", End.RIGHT, "a", "b", "c");
            f.pop("l", End.LEFT, 1);
            f.compactor().compactNow(b("l"));
            assertEquals(1, stored(f).claimFloor(), "scanned to the end: floor = Head");
            f.push("l", End.LEFT, "x");
            f.push("l", End.LEFT, "y");
            f.pop("l", End.LEFT, 2); // claims at -1 and 0, below the stored floor
            f.compactor().compactNow(b("l"));
            assertEquals(0, f.count(ListKeys.claims(b("l"))));
            assertEquals(List.of("b", "c"), f.range("l"));
        }
    }

    @Test
    void popsAboveTheCeilingAfterRightPushesAreCollected() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(64))) {
            f.push("l", End.RIGHT, "a", "b", "c");
            f.pop("l", End.RIGHT, 1);
            f.compactor().compactNow(b("l"));
            assertEquals(2, stored(f).claimCeiling());
            f.push("l", End.RIGHT, "x", "y", "z");
            f.pop("l", End.RIGHT, 3);
            f.compactor().compactNow(b("l"));
            assertEquals(0, f.count(ListKeys.claims(b("l"))));
            assertEquals(List.of("a", "b"), f.range("l"));
        }
    }

    @Test
    void theOutsideScansStartAtTheBounds() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(64))) {
            f.push("l", End.RIGHT, "a", "b", "c", "d", "e", "f");
            f.pop("l", End.LEFT, 2);
            f.pop("l", End.RIGHT, 2);
            f.compactor().compactNow(b("l"));
            f.pop("l", End.LEFT, 1);
            List<KeyRange> scans = f.run(t -> {
                ScanRecordingTxn rec = new ScanRecordingTxn(t);
                new CompactionStep(256, new ClaimGc(false)).step(rec, b("l"));
                return rec.scansIn(ListKeys.claims(b("l")));
            });
            for (KeyRange r : scans) {
                assertTrue(java.util.Arrays.compareUnsigned(r.start(), ListKeys.claim(b("l"), 2)) >= 0, "below the floor");
                assertTrue(java.util.Arrays.compareUnsigned(r.end(), ListKeys.claim(b("l"), 4)) <= 0, "above the ceiling");
            }
            assertEquals(0, f.count(ListKeys.claims(b("l"))));
        }
    }

    /** Random pushes and pops at both ends, compacted with a tiny budget: the list matches a model and no claim is left. */
    @Test
    void randomHistoriesLeaveNoClaimBehind() {
        Random rnd = new Random(42);
        for (int round = 0; round < 4; round++) {
            try (DataFixture f = new DataFixture(dir.resolve("r" + round), cfg.delta(64, 6, 512, Set.of()))) {
                Deque<String> model = new ArrayDeque<>();
                for (int op = 0; op < 150; op++) {
                    End end = rnd.nextBoolean() ? End.LEFT : End.RIGHT;
                    int n = 1 + rnd.nextInt(3);
                    if (rnd.nextInt(5) < 2) {
                        List<String> vals = new ArrayList<>();
                        for (int i = 0; i < n; i++) vals.add("v" + op + "." + i);
                        f.push("l", end, vals.toArray(String[]::new));
                        for (String v : vals) if (end == End.LEFT) model.addFirst(v); else model.addLast(v);
                    } else {
                        List<String> got = f.pop("l", end, n);
                        for (String g : got) assertEquals(end == End.LEFT ? model.pollFirst() : model.pollLast(), g);
                    }
                    if (rnd.nextInt(10) == 0) f.compactor().compactNow(b("l"));
                }
                f.compactor().compactNow(b("l"));
                assertEquals(new ArrayList<>(model), f.range("l"));
                assertEquals(0, f.count(ListKeys.claims(b("l"))), "round " + round + ": a claim escaped the bounds");
            }
        }
    }
}
