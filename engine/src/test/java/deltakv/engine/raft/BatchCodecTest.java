package deltakv.engine.raft;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.txn.ApplyResult;
import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Mutation;
import deltakv.engine.txn.OperationGroup;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BatchCodecTest {
    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private static OperationGroup sample(long id) {
        return new OperationGroup(id, 1000 + id, 0,
                List.of(b("k1"), new byte[0], new byte[] {(byte) 0xFF, 0}),
                List.of(new KeyRange(b("a"), b("b")), new KeyRange(b("z"), null)),
                List.of(new Mutation.Put(b("k1"), b("v1")), new Mutation.Delete(b("k2")),
                        new Mutation.PutAtCommitTs(b("!d|"), b("s"), new byte[300]), new Mutation.AtApply(b("op"))));
    }

    @Test
    void roundTripsEveryFieldAndStampsTimestampsInOrder() {
        List<OperationGroup> in = List.of(sample(7), sample(Long.MAX_VALUE),
                new OperationGroup(-1, 0, 0, List.of(), List.of(), List.of()));
        byte[] entry = BatchCodec.encode(in);
        AtomicLong clock = new AtomicLong(500);
        BatchCodec.stamp(entry, clock::incrementAndGet);
        List<OperationGroup> out = BatchCodec.decode(entry);
        assertEquals(3, out.size());
        for (int i = 0; i < 3; i++) {
            OperationGroup a = in.get(i);
            OperationGroup o = out.get(i);
            assertEquals(501 + i, o.commitTs());
            assertEquals(a.id(), o.id());
            assertEquals(a.startTs(), o.startTs());
            assertEquals(a.readKeys().size(), o.readKeys().size());
            for (int k = 0; k < a.readKeys().size(); k++) assertArrayEquals(a.readKeys().get(k), o.readKeys().get(k));
            for (int k = 0; k < a.readRanges().size(); k++) {
                assertArrayEquals(a.readRanges().get(k).start(), o.readRanges().get(k).start());
                assertArrayEquals(a.readRanges().get(k).end(), o.readRanges().get(k).end());
            }
            assertEquals(a.mutations().size(), o.mutations().size());
        }
        assertNull(out.get(0).readRanges().get(1).end());
        Mutation.PutAtCommitTs m = (Mutation.PutAtCommitTs) out.get(0).mutations().get(2);
        assertArrayEquals(b("!d|"), m.prefix());
        assertEquals(300, m.value().length);
        assertArrayEquals(b("k2"), ((Mutation.Delete) out.get(0).mutations().get(1)).key());
        assertArrayEquals(b("op"), ((Mutation.AtApply) out.get(0).mutations().get(3)).op());
    }

    @Test
    void rejectsForeignTruncatedAndTrailingBytes() {
        byte[] entry = BatchCodec.encode(List.of(sample(1)));
        assertThrows(MalformedEntryException.class, () -> BatchCodec.decode(b("SET k v")));
        assertThrows(MalformedEntryException.class, () -> BatchCodec.decode(new byte[0]));
        for (int cut = 1; cut < entry.length; cut += 7) {
            byte[] part = Arrays.copyOf(entry, cut);
            assertThrows(MalformedEntryException.class, () -> BatchCodec.decode(part), "cut at " + cut);
        }
        byte[] longer = Arrays.copyOf(entry, entry.length + 1);
        assertThrows(MalformedEntryException.class, () -> BatchCodec.decode(longer));
        byte[] hugeLength = entry.clone();
        hugeLength[4] = 0x7F;
        assertThrows(MalformedEntryException.class, () -> BatchCodec.decode(hugeLength));
    }

    @Test
    void resultsRoundTrip() {
        List<ApplyResult> in = List.of(new ApplyResult.Committed(42), new ApplyResult.Conflict(b("hot")),
                new ApplyResult.StaleTimestamp(5, 9), new ApplyResult.Committed(43, List.of(b("out"), new byte[0])));
        List<ApplyResult> out = ResultCodec.decode(ResultCodec.encode(in));
        ApplyResult.Committed withOutputs = (ApplyResult.Committed) out.get(3);
        assertEquals(43, withOutputs.commitTs());
        assertArrayEquals(b("out"), withOutputs.outputs().get(0));
        assertEquals(0, withOutputs.outputs().get(1).length);
        assertEquals(in.get(0), out.get(0));
        assertEquals(in.get(2), out.get(2));
        assertTrue(out.get(1) instanceof ApplyResult.Conflict c && Arrays.equals(c.key(), b("hot")));
    }
}
