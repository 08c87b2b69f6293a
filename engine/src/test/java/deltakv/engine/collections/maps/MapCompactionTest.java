package deltakv.engine.collections.maps;

import static deltakv.engine.collections.DataFixture.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.EngineConfig;
import deltakv.engine.Variant;
import deltakv.engine.collections.DataFixture;
import deltakv.engine.collections.DeltaStats;
import deltakv.engine.redis.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Len deltas of hashes, sets and sorted sets: folding, the hard limit, DEL, type changes, pending deltas. */
class MapCompactionTest {
    @TempDir
    Path dir;

    /** maxDeltaCount 8, scan limit 32, compaction budget 5 (several transactions per key), no background ticks. */
    private static EngineConfig small(Variant v) {
        return new EngineConfig(v, Set.of(), 8, 32, 5, 512, Duration.ofHours(1), 4);
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"DELTA", "DELTA_CF"})
    void theCompactorFoldsEveryTypesDeltasIntoItsBase(Variant v) {
        try (DataFixture f = new DataFixture(dir, small(v))) {
            for (int i = 0; i < 20; i++) {
                f.cmd("HSET", "h", "f" + i, "v");
                f.cmd("SADD", "s", "m" + i);
                f.cmd("ZADD", "z", Integer.toString(i), "m" + i);
            }
            f.cmd("HDEL", "h", "f0", "f1");
            f.cmd("HSET", "h", "f5", "updated"); // no cardinality change: no delta
            DeltaStats before = f.compactor().deltaStats();
            assertEquals(22, before.byType().get("hash"));
            assertEquals(20, before.byType().get("set"));
            assertEquals(20, before.byType().get("zset"));
            f.compactor().tick();
            DeltaStats after = f.compactor().deltaStats();
            assertEquals(0, after.liveDeltas(), "every namespace folded: " + after);
            assertEquals(new Reply.Int(18), f.cmd("HLEN", "h"));
            assertEquals(new Reply.Int(20), f.cmd("SCARD", "s"));
            assertEquals(new Reply.Int(20), f.cmd("ZCARD", "z"));
            assertEquals(22L, f.compactor().stats().foldedByType().get("hash"));
            // later deltas land above the fold mark and are counted
            f.cmd("SADD", "s", "late");
            assertEquals(new Reply.Int(21), f.cmd("SCARD", "s"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"DELTA", "DELTA_CF"})
    void theHardLimitCompactsInsteadOfSummingATruncatedScan(Variant v) {
        try (DataFixture f = new DataFixture(dir, small(v))) {
            f.compactor().pause(); // background work stalls; the hard limit must still hold
            for (int i = 0; i < 100; i++) f.cmd("SADD", "s", "m" + i);
            assertEquals(new Reply.Int(100), f.cmd("SCARD", "s"));
            assertTrue(f.compactor().stats().syncCompactions() > 0);
            assertTrue(f.compactor().deltaStats().liveDeltas() < 32);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"RMW", "DELTA", "DELTA_CF"})
    void delLeavesNoInternalKeyBehind(Variant v) {
        try (DataFixture f = new DataFixture(dir, small(v))) {
            for (int i = 0; i < 40; i++) {
                f.cmd("HSET", "h", "f" + i, "v");
                f.cmd("ZADD", "z", Integer.toString(i), "m" + i);
            }
            f.cmd("DEL", "h", "z");
            assertEquals(List.of(), f.internalKeys("h"));
            assertEquals(List.of(), f.internalKeys("z"));
            assertEquals(new Reply.Int(0), f.cmd("HLEN", "h"));
            assertEquals(new Reply.Int(1), f.cmd("HSET", "h", "again", "v"));
            assertEquals(new Reply.Int(1), f.cmd("HLEN", "h"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"RMW", "DELTA", "DELTA_CF"})
    void anEmptiedCollectionIsGoneAndItsKeyCanHoldAnotherType(Variant v) {
        try (DataFixture f = new DataFixture(dir, small(v))) {
            f.cmd("SADD", "k", "a", "b");
            f.cmd("SREM", "k", "a", "b");
            assertEquals(new Reply.Simple("none"), f.cmd("TYPE", "k"));
            assertEquals(new Reply.Int(0), f.cmd("EXISTS", "k"));
            assertEquals(new Reply.Int(0), f.cmd("DBSIZE"));
            assertEquals(new Reply.Int(1), f.cmd("RPUSH", "k", "x"));
            assertEquals(new Reply.Simple("list"), f.cmd("TYPE", "k"));
            for (byte[] key : f.internalKeys("k")) {
                assertTrue(new String(key).startsWith("!lst|"), "leftover of the set: " + new String(key));
            }
        }
    }

    /** Inside one transaction (MULTI), a later command counts the block's own deltas; DEL cancels them. */
    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"RMW", "DELTA", "DELTA_CF"})
    void aBlockSeesItsOwnCardinalityChanges(Variant v) {
        try (DataFixture f = new DataFixture(dir, small(v))) {
            f.cmd("HSET", "h", "a", "1");
            List<Long> lens = f.run(t -> {
                deltakv.engine.txn.MultiBlock.mark(t);
                FieldMap h = f.data.maps().hashes();
                h.put(t, b("h"), b("b"), b("2"));
                long one = h.size(t, b("h"));
                f.keyspace().delete(t, b("h"));
                long two = h.size(t, b("h"));
                h.put(t, b("h"), b("c"), b("3"));
                return List.of(one, two, h.size(t, b("h")));
            });
            assertEquals(List.of(2L, 0L, 1L), lens);
            assertEquals(new Reply.Int(1), f.cmd("HLEN", "h"));
        }
    }
}
