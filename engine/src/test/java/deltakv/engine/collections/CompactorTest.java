package deltakv.engine.collections;

import deltakv.engine.Bug;
import static deltakv.engine.collections.DataFixture.b;
import static deltakv.engine.collections.DataFixture.bytesList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.EngineConfig;
import deltakv.engine.Variant;
import deltakv.engine.redis.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactorTest {
    @TempDir
    Path dir;

    private final EngineDefaults cfg = new EngineDefaults();

    private static List<String> seq(String p, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) out.add(p + i);
        return out;
    }

    @Test
    void foldsDeltasIntoBaseAndCollectsClaims() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(64))) {
            for (String e : seq("e", 0, 100)) f.push("l", End.RIGHT, e);
            f.pop("l", End.LEFT, 30);
            f.pop("l", End.RIGHT, 10);
            assertDeltas(f, 102, 1);
            f.compactor().tick();
            assertEquals(0, f.count(ListKeys.deltaRange(b("l"))));
            assertEquals(0, f.count(ListKeys.claims(b("l"))), "claims of popped elements collected");
            assertEquals(60, f.count(ListKeys.items(b("l"))), "their items too");
            assertEquals(seq("e", 30, 90), f.range("l"));
            CompactorStats s = f.compactor().stats();
            assertEquals(102, s.deltasFolded());
            assertEquals(40, s.claimsCollected());
            assertEquals(1, s.keysCompacted());
            assertDeltas(f, 0, 0);
        }
    }

    @Test
    void backgroundWorkRunsOnlyWhileAllowedButTheHardLimitPathAlways() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(64))) {
            boolean[] leader = {false};
            f.compactor().runOnlyWhile(() -> leader[0]);
            for (String e : seq("e", 0, 100)) f.push("l", End.RIGHT, e);
            f.compactor().tick();
            assertEquals(100, f.count(ListKeys.deltaRange(b("l"))), "a follower's tick leaves the deltas alone");
            assertEquals(0, f.compactor().stats().ticks());
            f.compactor().compactForHardLimit(b("l"));
            assertEquals(0, f.count(ListKeys.deltaRange(b("l"))), "the hard-limit path is not gated");
            for (String e : seq("f", 0, 100)) f.push("l", End.RIGHT, e);
            leader[0] = true;
            f.compactor().tick();
            assertEquals(0, f.count(ListKeys.deltaRange(b("l"))), "the leader's tick compacts");
            assertEquals(200, f.range("l").size());
        }
    }

    @Test
    void belowThresholdIsLeftAlone() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(64))) {
            for (String e : seq("e", 0, 10)) f.push("l", End.RIGHT, e);
            f.compactor().tick();
            assertEquals(10, f.count(ListKeys.deltaRange(b("l"))));
            assertEquals(1, f.compactor().stats().ticks());
        }
    }

    @Test
    void emptiedListKeepsBaseMetaButIsInvisible() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(2))) {
            f.push("l", End.RIGHT, "a", "b");
            f.pop("l", End.LEFT, 2);
            f.compactor().compactNow(b("l"));
            byte[] base = f.run(t -> t.get(ListKeys.baseMeta(b("l"))));
            assertNotNull(base, "base meta kept at Len=0");
            assertEquals(new ListMeta(2, 0), ListMeta.decode(base));
            assertEquals(List.of(ListKeys.baseMeta(b("l")).length), f.internalKeys("l").stream().map(k -> k.length).toList());
            assertEquals(new Reply.Int(0), f.cmd("EXISTS", "l"));
            assertEquals(new Reply.Simple("none"), f.cmd("TYPE", "l"));
            assertEquals(new Reply.Int(0), f.cmd("DBSIZE"));
            assertEquals(1, f.push("l", End.LEFT, "c"));
            assertEquals(List.of("c"), f.range("l"));
            assertEquals(new Reply.Int(1), f.cmd("DEL", "l"));
            assertTrue(f.internalKeys("l").isEmpty(), "only DEL removes base meta");
        }
    }

    @Test
    void hardLimitCompactsSynchronouslyInsteadOfTruncating() {
        try (DataFixture f = new DataFixture(dir, EngineConfig.defaults(Variant.DELTA))) {
            f.run(t -> {
                for (String e : seq("e", 0, 300)) f.lists().push(t, b("l"), End.RIGHT, bytesList(e));
                return null;
            });
            assertEquals(300, f.count(ListKeys.deltaRange(b("l"))));
            assertEquals(300, f.len("l"));
            assertEquals(1, f.compactor().stats().syncCompactions());
            assertTrue(f.count(ListKeys.deltaRange(b("l"))) < 64);
            assertEquals(seq("e", 0, 300), f.range("l"));
        }
    }

    @Test
    void pushesPastTheHardLimitStayCorrect() {
        try (DataFixture f = new DataFixture(dir, EngineConfig.defaults(Variant.DELTA))) {
            for (String e : seq("e", 0, 300)) f.push("l", End.RIGHT, e);
            assertTrue(f.compactor().stats().syncCompactions() >= 1, "the 256th push resolved over the limit");
            assertEquals(300, f.len("l"));
            assertEquals(seq("e", 0, 300), f.range("l"));
        }
    }

    @Test
    void truncatedDeltaSumBugReturnsWrongLength() {
        Set<Bug> bug = Set.of(Bug.TRUNCATED_DELTA_SUM);
        try (DataFixture f = new DataFixture(dir, EngineConfig.defaults(Variant.DELTA).withBugs(bug))) {
            for (String e : seq("e", 0, 300)) f.push("l", End.RIGHT, e);
            assertEquals(256, f.len("l"), "must-fail input: the bug is observable");
        }
    }

    /** Writes n deltas in one transaction (pending deltas are not rescanned, so no hard limit). */
    private static void manyDeltas(DataFixture f, String key, int n) {
        f.run(t -> {
            for (int i = 0; i < n; i++) f.lists().push(t, b(key), End.RIGHT, bytesList("v" + i));
            f.lists().pop(t, b(key), End.LEFT, n / 3);
            return null;
        });
    }

    @Test
    void delOfAListWithThousandsOfDeltasLeavesNoInternalKeys() {
        try (DataFixture f = new DataFixture(dir, EngineConfig.defaults(Variant.DELTA))) {
            manyDeltas(f, "big", 3000);
            assertEquals(3001, f.count(ListKeys.deltaRange(b("big"))));
            assertEquals(new Reply.Int(1), f.cmd("DEL", "big"));
            assertEquals(List.of(), f.internalKeys("big"));
            assertEquals(new Reply.Int(0), f.cmd("EXISTS", "big"));
        }
    }

    @Test
    void delBoundedScanBugLeavesOrphanDeltas() {
        try (DataFixture f = new DataFixture(dir, EngineConfig.defaults(Variant.DELTA).withBugs(Set.of(Bug.DEL_BOUNDED_SCAN)))) {
            manyDeltas(f, "big", 3000);
            f.cmd("DEL", "big");
            assertFalse(f.internalKeys("big").isEmpty(), "must-fail input: orphans remain");
        }
    }

    /** Claims inside [head, tail) never arise from our pop flow; write them directly to test the GC rule. */
    private static void claim(DataFixture f, long... seqs) {
        f.run(t -> {
            for (long s : seqs) t.put(ListKeys.claim(b("l"), s), new byte[0]);
            return null;
        });
    }

    @Test
    void claimGcNeverSkipsAGap() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(1))) {
            f.push("l", End.RIGHT, seq("e", 0, 10).toArray(String[]::new));
            claim(f, 0, 1, 3, 9, 8, 6);
            List<String> visible = List.of("e2", "e4", "e5", "e7");
            assertEquals(visible, f.range("l"), "readers skip claimed sequences");
            f.compactor().compactNow(b("l"));
            ListMeta m = ListMeta.decode(f.run(t -> t.get(ListKeys.baseMeta(b("l")))));
            assertEquals(new ListMeta(2, 6), m, "head stops at the gap at 2, tail at the gap at 7");
            assertEquals(visible, f.range("l"));
            assertEquals(2, f.count(ListKeys.claims(b("l"))), "claims at 3 and 6 stay");
        }
    }

    @Test
    void compactorSkipsGapBugLosesElements() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(1, 256, 512, Set.of(Bug.COMPACTOR_SKIPS_GAP)))) {
            f.push("l", End.RIGHT, seq("e", 0, 10).toArray(String[]::new));
            claim(f, 0, 1, 3);
            f.compactor().compactNow(b("l"));
            assertFalse(f.range("l").contains("e2"), "must-fail input: the unpopped e2 is lost");
        }
    }

    @Test
    void boundedTransactionsAndTicks() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(5, 16, 30, Set.of()))) {
            for (int k = 0; k < 6; k++) for (int i = 0; i < 10; i++) f.push("k" + k, End.RIGHT, "v" + i);
            f.compactor().tick();
            long afterOne = f.compactor().stats().keysCompacted();
            assertTrue(afterOne >= 1 && afterOne < 6, "one tick scans at most 30 delta keys: " + afterOne);
            for (int i = 0; i < 6; i++) f.compactor().tick();
            assertDeltas(f, 0, 0);
            for (int k = 0; k < 6; k++) assertEquals(seq("v", 0, 10), f.range("k" + k));
        }
    }

    @Test
    void pauseStopsTicksButNotTheHardLimit() {
        try (DataFixture f = new DataFixture(dir, cfg.delta(4))) {
            f.compactor().pause();
            for (int i = 0; i < 8; i++) f.push("l", End.RIGHT, "v" + i);
            f.compactor().tick();
            assertEquals(8, f.count(ListKeys.deltaRange(b("l"))));
            assertTrue(f.compactor().stats().paused());
            f.compactor().resume();
            f.compactor().tick();
            assertEquals(0, f.count(ListKeys.deltaRange(b("l"))));
        }
    }

    private static void assertDeltas(DataFixture f, long deltas, long keys) {
        DeltaStats d = f.compactor().deltaStats();
        assertEquals(deltas, d.liveDeltas(), "live deltas");
        assertEquals(keys, d.keysWithDeltas(), "keys with deltas");
    }
}
