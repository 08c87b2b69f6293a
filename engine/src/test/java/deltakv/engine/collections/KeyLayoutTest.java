package deltakv.engine.collections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.txn.Bytes;
import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Mutation;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyLayoutTest {
    private static boolean inRange(KeyRange r, byte[] k) {
        return Bytes.compare(k, r.start()) >= 0 && (r.end() == null || Bytes.compare(k, r.end()) < 0);
    }

    @Test
    void framingIsLengthPrefixedAndBinarySafe() {
        byte[] user = {0, (byte) 0xFF, '|', 0};
        byte[] k = ListKeys.baseMeta(user);
        assertArrayEquals(Bytes.concat(KeyCodec.ascii("!lst|meta|b|"), new byte[] {0, 0, 0, 4}, user), k);
        assertArrayEquals(user, ListKeys.userKeyOfBase(k));
        assertArrayEquals(user, StringKeys.userKeyOf(StringKeys.key(user)));
    }

    @Test
    void noUserKeyRangeContainsAnotherUserKeysKeys() {
        byte[] a = "a".getBytes();
        byte[] ab = "ab".getBytes();
        // "a" is a byte prefix of "ab": the length prefix must still keep their namespaces apart
        for (KeyRange r : Keyspace.allRanges(a)) {
            assertFalse(inRange(r, ListKeys.item(ab, 0)));
            assertFalse(inRange(r, ListKeys.claim(ab, 0)));
            assertFalse(inRange(r, ListKeys.baseMeta(ab)));
            assertFalse(inRange(r, StringKeys.key(ab)));
            assertFalse(inRange(r, new Mutation.PutAtCommitTs(ListKeys.deltaPrefix(ab), ListKeys.deltaSuffix(0), new byte[0]).keyAt(7)));
        }
        assertFalse(inRange(ListKeys.deltaNamespace(), ListKeys.baseMeta(a)), "base meta must not sit in the delta namespace");
        assertFalse(inRange(ListKeys.baseNamespace(), ListKeys.deltaPrefix(a)));
    }

    @Test
    void allRangesCoverEveryInternalKey() {
        byte[] k = "q".getBytes();
        byte[] delta = new Mutation.PutAtCommitTs(ListKeys.deltaPrefix(k), ListKeys.deltaSuffix(3), new byte[0]).keyAt(99);
        for (byte[] internal : List.of(StringKeys.key(k), ListKeys.baseMeta(k), delta, ListKeys.item(k, -5),
                ListKeys.claim(k, Long.MAX_VALUE))) {
            assertTrue(Keyspace.allRanges(k).stream().anyMatch(r -> inRange(r, internal)));
        }
        assertArrayEquals(k, ListKeys.userKeyOfDelta(delta));
    }

    @Test
    void sortableSequencesOrderNegativesFirst() {
        byte[] k = "k".getBytes();
        long[] seqs = {Long.MIN_VALUE, -1000, -1, 0, 1, 1000, Long.MAX_VALUE};
        for (int i = 1; i < seqs.length; i++) {
            assertTrue(Bytes.compare(ListKeys.item(k, seqs[i - 1]), ListKeys.item(k, seqs[i])) < 0);
            assertEquals(seqs[i], ListKeys.seqOf(ListKeys.claim(k, seqs[i])));
        }
    }

    @Test
    void valuesRoundTrip() {
        ListMeta m = new ListMeta(-7, 12);
        assertEquals(m, ListMeta.decode(m.encode()));
        assertEquals(5, KeyCodec.getLong(m.encode(), 8), "Tail = Head + Len is stored");
        ListDelta d = new ListDelta(-3, 3);
        assertEquals(d, ListDelta.decode(d.encode()));
        assertEquals(16, d.encode().length);
        StringValue v = new StringValue(123, "x".getBytes());
        assertEquals(123, StringValue.decode(v.encode()).deadlineMs());
        assertArrayEquals("x".getBytes(), StringValue.decode(v.encode()).bytes());
    }

    @Test
    void indexWindowsFollowRedis() {
        assertEquals(new IndexWindow(0, 2), IndexWindow.range(0, -1, 3));
        assertEquals(new IndexWindow(0, 2), IndexWindow.range(-100, 100, 3));
        assertTrue(IndexWindow.range(0, -100, 3).isEmpty());
        assertTrue(IndexWindow.range(5, 10, 3).isEmpty());
        assertTrue(IndexWindow.range(2, 1, 3).isEmpty());
        assertEquals(new IndexWindow(2, 2), IndexWindow.single(-1, 3));
        assertTrue(IndexWindow.single(3, 3).isEmpty());
        assertTrue(IndexWindow.single(-4, 3).isEmpty());
    }
}
