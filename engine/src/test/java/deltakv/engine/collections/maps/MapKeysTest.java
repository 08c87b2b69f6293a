package deltakv.engine.collections.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.collections.KeyCodec;
import deltakv.engine.collections.Keyspace;
import deltakv.engine.collections.ListKeys;
import deltakv.engine.collections.StringKeys;
import deltakv.engine.collections.TypeTags;
import deltakv.engine.txn.Bytes;
import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Mutation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hash, set and sorted-set layouts: binary safe, length-prefixed, no collisions between keys or types. */
class MapKeysTest {
    private static final List<MapKeys> TYPES = List.of(MapKeys.HASH, MapKeys.SET, MapKeys.ZSET);

    private static boolean inRange(KeyRange r, byte[] k) {
        return Bytes.compare(k, r.start()) >= 0 && (r.end() == null || Bytes.compare(k, r.end()) < 0);
    }

    private static byte[] random(Random rnd, int max) {
        byte[] b = new byte[rnd.nextInt(max + 1)];
        rnd.nextBytes(b);
        if (b.length > 0 && rnd.nextBoolean()) b[0] = '|';
        return b;
    }

    @Test
    void noNamespacePrefixIsAPrefixOfAnother() {
        List<byte[]> prefixes = new ArrayList<>(List.of(StringKeys.PREFIX, ListKeys.BASE, ListKeys.DELTA, ListKeys.ITEM,
                ListKeys.CLAIM, TypeTags.PREFIX, ScoreKeys.PREFIX));
        for (MapKeys m : TYPES) prefixes.addAll(List.of(m.base(), m.delta(), m.data(), m.blob()));
        for (byte[] a : prefixes) {
            for (byte[] b : prefixes) {
                if (a == b) continue;
                boolean prefix = b.length >= a.length && Bytes.compare(a, java.util.Arrays.copyOf(b, a.length)) == 0;
                assertFalse(prefix, new String(a) + " is a prefix of " + new String(b));
            }
        }
    }

    @Test
    void fieldsAndUserKeysRoundTripForArbitraryBytes() {
        Random rnd = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] user = random(rnd, 6);
            byte[] field = random(rnd, 6);
            for (MapKeys m : TYPES) {
                byte[] k = m.field(user, field);
                assertArrayEquals(field, m.fieldOf(k));
                assertTrue(inRange(m.fields(user), k));
                byte[] d = new Mutation.PutAtCommitTs(m.deltaPrefix(user), KeyCodec.u32(3), new byte[0]).keyAt(42);
                assertArrayEquals(user, m.userKeyOfDelta(d));
                assertTrue(inRange(m.deltas(user), d));
            }
            double score = rnd.nextGaussian() * 1e6;
            byte[] e = ScoreKeys.entry(user, score, field);
            assertEquals(score, ScoreKeys.scoreOf(user, e));
            assertArrayEquals(field, ScoreKeys.memberOf(user, e));
        }
    }

    /** "a" + field "bc" and "ab" + field "c" are the same bytes without the length prefix. */
    @Test
    void noUserKeysRangesHoldAnotherUserKeysEntries() {
        Random rnd = new Random(11);
        for (int i = 0; i < 2000; i++) {
            byte[] a = random(rnd, 4);
            byte[] b = Bytes.concat(a, random(rnd, 3));
            if (b.length == a.length) continue;
            byte[] field = random(rnd, 4);
            for (KeyRange r : Keyspace.allRanges(a)) {
                for (MapKeys m : TYPES) {
                    assertFalse(inRange(r, m.field(b, field)));
                    assertFalse(inRange(r, m.baseMeta(b)));
                    assertFalse(inRange(r, m.blob(b)));
                    assertFalse(inRange(r, new Mutation.PutAtCommitTs(m.deltaPrefix(b), KeyCodec.u32(0), new byte[0]).keyAt(9)));
                }
                assertFalse(inRange(r, ScoreKeys.entry(b, 1.5, field)));
                assertFalse(inRange(r, TypeTags.key(b)));
            }
        }
    }

    @Test
    void scoreIndexSortsAsRedisDoes() {
        double[] scores = {Double.NEGATIVE_INFINITY, -1e300, -2.5, -Double.MIN_VALUE, 0.0, Double.MIN_VALUE, 1, 1.1, 1e300,
                Double.POSITIVE_INFINITY};
        byte[] user = {'z'};
        for (int i = 1; i < scores.length; i++) {
            assertTrue(Bytes.compare(ScoreKeys.entry(user, scores[i - 1], new byte[] {(byte) 0xFF}),
                    ScoreKeys.entry(user, scores[i], new byte[0])) < 0, scores[i - 1] + " < " + scores[i]);
        }
        assertEquals(ScoreKeys.sortable(0.0), ScoreKeys.sortable(-0.0), "-0 is stored as 0, as Redis does");
        // equal scores: member bytes order, a prefix first
        assertTrue(Bytes.compare(ScoreKeys.entry(user, 1, "a".getBytes()), ScoreKeys.entry(user, 1, "ab".getBytes())) < 0);
        assertTrue(Bytes.compare(ScoreKeys.entry(user, 1, "ab".getBytes()), ScoreKeys.entry(user, 1, "b".getBytes())) < 0);
    }
}
