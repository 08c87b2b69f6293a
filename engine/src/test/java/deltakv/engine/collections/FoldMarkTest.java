package deltakv.engine.collections;

import static deltakv.engine.collections.DataFixture.b;
import static deltakv.engine.collections.DataFixture.bytesList;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base meta's fold mark: readers, pushes, pops and the compactor scan deltas only above the last
 * folded one, and still see every live delta and conflict with every writer.
 */
class FoldMarkTest {
    @TempDir
    Path dir;

    private final EngineDefaults cfg = new EngineDefaults();

    private static byte[] base(DataFixture f) {
        return f.run(t -> t.getUntracked(ListKeys.baseMeta(b("l"))));
    }

    /** The delta scans one body made (the resolver's, and the compactor's if any). */
    private static List<KeyRange> deltaScans(DataFixture f, Consumer<Txn> body) {
        return f.run(t -> {
            ScanRecordingTxn rec = new ScanRecordingTxn(t);
            body.accept(rec);
            return rec.scansIn(ListKeys.deltaRange(b("l")));
        });
    }

    @Test
    void compactionRecordsTheLastFoldedDeltaAndReadsStartAboveIt() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(64))) {
            for (int i = 0; i < 5; i++) f.push("l", End.RIGHT, "e" + i);
            assertArrayEquals(ListKeys.deltaRange(b("l")).start(),
                    deltaScans(f, t -> f.lists().length(t, b("l"))).get(0).start(), "no mark yet: scan from the start");
            byte[] lastDelta = f.run(t -> t.scan(ListKeys.deltaRange(b("l")), 10, true, false)).get(0).key();
            f.compactor().compactNow(b("l"));

            assertArrayEquals(FoldMark.ofDeltaKey(lastDelta), FoldMark.suffix(base(f)));
            assertEquals(new ListMeta(0, 5), ListMeta.decode(base(f)));
            KeyRange scanned = deltaScans(f, t -> f.lists().length(t, b("l"))).get(0);
            assertTrue(java.util.Arrays.compareUnsigned(scanned.start(), lastDelta) > 0, "scan starts above the mark");

            f.push("l", End.LEFT, "x");
            f.pop("l", End.RIGHT, 1);
            assertEquals(List.of("x", "e0", "e1", "e2", "e3"), f.range("l"));
            assertEquals(5, f.len("l"));
        }
    }

    @Test
    void aStepCutInsideOneTransactionsDeltasKeepsTheRestLive() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(64))) {
            // one transaction, seven deltas under one commit ts (seqInTxn 0..6), as a MULTI of pushes
            f.run(t -> {
                for (int i = 0; i < 7; i++) f.lists().push(t, b("l"), End.RIGHT, bytesList("e" + i));
                return null;
            });
            CompactionStep step = new CompactionStep(4, new ClaimGc(false));
            DeltaFold.Result r = f.run(t -> step.step(t, b("l")));
            assertEquals(4, r.deltasFolded());
            assertTrue(r.more());
            assertEquals(new ListMeta(0, 4), ListMeta.decode(base(f)));
            assertEquals(3, f.count(FoldMark.liveDeltas(b("l"), base(f))), "seqInTxn 4..6 of that commit stay live");
            assertEquals(7, f.len("l"));
            assertEquals(List.of("e0", "e1", "e2", "e3", "e4", "e5", "e6"), f.range("l"));
            f.compactor().compactNow(b("l"));
            assertEquals(new ListMeta(0, 7), ListMeta.decode(base(f)));
            assertEquals(0, f.count(ListKeys.deltaRange(b("l"))));
            assertEquals(7, f.len("l"));
        }
    }

    @Test
    void claimOnlyStepsKeepTheMarkAndCollectEveryClaim() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(64))) {
            f.push("l", End.RIGHT, "a", "b", "c", "d");
            f.compactor().compactNow(b("l"));
            for (int i = 0; i < 3; i++) f.pop("l", End.LEFT, 1);
            CompactionStep step = new CompactionStep(4, new ClaimGc(false));
            DeltaFold.Result first = f.run(t -> step.step(t, b("l")));
            assertEquals(3, first.deltasFolded());
            assertTrue(first.more(), "no budget left for the claims");
            byte[] mark = FoldMark.suffix(base(f));
            long collected = 0;
            for (int i = 0; i < 5; i++) {
                DeltaFold.Result r = f.run(t -> step.step(t, b("l")));
                assertEquals(0, r.deltasFolded());
                collected += r.claimsCollected();
                assertArrayEquals(mark, FoldMark.suffix(base(f)), "a step with nothing to fold keeps the mark");
                if (!r.more()) break;
            }
            assertEquals(3, collected);
            assertEquals(0, f.count(ListKeys.claims(b("l"))));
            assertEquals(List.of("d"), f.range("l"));
        }
    }

    @Test
    void readersAfterCompactionStillConflictWithEveryWriter() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(64))) {
            f.push("l", End.RIGHT, "a", "b", "c");
            f.compactor().compactNow(b("l"));
            ListStore l = f.lists();
            assertEquals(2, attempts(f, t -> l.range(t, b("l"), 0, -1), () -> f.push("l", End.RIGHT, "x")));
            f.compactor().compactNow(b("l"));
            assertEquals(2, attempts(f, t -> l.length(t, b("l")), () -> f.push("l", End.LEFT, "y")));
            f.compactor().compactNow(b("l"));
            assertEquals(2, attempts(f, t -> l.pop(t, b("l"), End.LEFT, 1), () -> f.pop("l", End.RIGHT, 1)));
            assertEquals(2, attempts(f, t -> l.length(t, b("l")), () -> f.compactor().compactNow(b("l"))));
            assertEquals(2, attempts(f, t -> l.length(t, b("l")), () -> f.cmd("DEL", "l")));
            assertNull(base(f));
        }
    }

    @Test
    void theMarkIsIgnoredByTheRmwLayoutAndAbsentBeforeCompaction() {
        assertNull(FoldMark.suffix(null));
        assertNull(FoldMark.suffix(new ListMeta(3, 4).encode()));
        assertArrayEquals(ListKeys.deltaRange(b("k")).start(), FoldMark.liveDeltas(b("k"), new ListMeta(3, 4).encode()).start());
        byte[] stored = FoldMark.encodeBase(new ListMeta(3, 4), new byte[FoldMark.SUFFIX_BYTES]);
        assertEquals(new ListMeta(3, 4), ListMeta.decode(stored));
    }

    /** Attempts of a writing body whose reads another commit overtakes on the first attempt (2 = conflicted). */
    static int attempts(DataFixture f, Consumer<Txn> body, Runnable between) {
        AtomicInteger n = new AtomicInteger();
        f.run(t -> {
            body.accept(t);
            if (n.incrementAndGet() == 1) between.run();
            t.put(b("marker"), b("x"));
            return null;
        });
        return n.get();
    }
}
