package deltakv.engine.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.engine.storage.KV;
import deltakv.engine.storage.MvccStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The apply function as Raft will drive it: two replicas applying the same log end in the same
 * state with the same results, and replaying log entries after a crash (before the applied index
 * was recorded) changes nothing.
 */
class ApplyDeterminismTest {
    @TempDir
    Path dir;

    static byte[] key(Random r) {
        return new byte[] {'k', (byte) r.nextInt(8)};
    }

    /** Random log: entries of 1-4 groups, mostly fresh commit timestamps, some stale, some retried ids. */
    static List<List<OperationGroup>> randomLog(long seed) {
        Random r = new Random(seed);
        List<List<OperationGroup>> log = new ArrayList<>();
        List<OperationGroup> sent = new ArrayList<>();
        long ts = 100;
        for (int e = 0; e < 150; e++) {
            List<OperationGroup> entry = new ArrayList<>();
            for (int g = 0, n = 1 + r.nextInt(4); g < n; g++) {
                ts += 1 + r.nextInt(3);
                if (!sent.isEmpty() && r.nextInt(10) == 0) { // ambiguous retry of an earlier group
                    entry.add(sent.get(r.nextInt(sent.size())).withCommitTs(r.nextBoolean() ? ts : ts - 50));
                    continue;
                }
                List<Mutation> ms = new ArrayList<>();
                for (int m = 0, k = 1 + r.nextInt(3); m < k; m++) {
                    switch (r.nextInt(3)) {
                        case 0 -> ms.add(new Mutation.Put(key(r), new byte[] {(byte) e, (byte) g}));
                        case 1 -> ms.add(new Mutation.Delete(key(r)));
                        default -> ms.add(new Mutation.PutAtCommitTs(new byte[] {'d'}, new byte[] {(byte) m}, new byte[] {1}));
                    }
                }
                List<byte[]> reads = r.nextBoolean() ? List.of(key(r)) : List.of();
                List<KeyRange> ranges = r.nextInt(4) == 0 ? List.of(new KeyRange(new byte[] {'k', 2}, new byte[] {'k', 5})) : List.of();
                long startTs = Math.max(0, ts - 1 - r.nextInt(12));
                OperationGroup og = new OperationGroup(r.nextLong(), startTs, r.nextInt(20) == 0 ? ts - 30 : ts, reads, ranges, ms);
                sent.add(og);
                entry.add(og);
            }
            log.add(entry);
        }
        return log;
    }

    static String dump(MvccStore s) {
        HexFormat h = HexFormat.of();
        StringBuilder out = new StringBuilder("applied=" + s.lastAppliedTs() + "\n");
        for (long at : new long[] {150, 300, 600, Long.MAX_VALUE}) {
            for (KV kv : s.scan(new byte[0], null, at, Integer.MAX_VALUE, false)) {
                out.append(at).append(' ').append(h.formatHex(kv.key())).append('=').append(h.formatHex(kv.value())).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void replicasAgreeAndCrashReplayIsHarmless() {
        List<List<OperationGroup>> log = randomLog(11);
        try (MvccStore a = MvccStore.open(dir.resolve("a")); MvccStore b = MvccStore.open(dir.resolve("b"))) {
            StateMachineApplier ra = new StateMachineApplier(a);
            StateMachineApplier rb = new StateMachineApplier(b);
            List<List<ApplyResult>> resultsA = new ArrayList<>();
            List<List<ApplyResult>> resultsB = new ArrayList<>();
            for (int i = 0; i < log.size(); i++) {
                resultsA.add(ra.applyBatch(log.get(i), i + 1));
                List<ApplyResult> rsB = rb.applyBatch(log.get(i), i + 1);
                if (i % 7 == 0) {
                    // crash before the index was durable: the entry is applied again. Nothing may
                    // change, and commits report their original ts (rejections may differ in kind:
                    // a conflicted group is now also stale).
                    String before = dump(b);
                    List<ApplyResult> replay = rb.applyBatch(log.get(i), i + 1);
                    assertEquals(before, dump(b), "replay of entry " + i + " changed the state");
                    for (int g = 0; g < rsB.size(); g++) {
                        if (rsB.get(g) instanceof ApplyResult.Committed) assertEquals(rsB.get(g), replay.get(g));
                        else assertEquals(false, replay.get(g) instanceof ApplyResult.Committed, "entry " + i);
                    }
                }
                resultsB.add(rsB);
            }
            assertEquals(render2(resultsA), render2(resultsB));
            assertEquals(dump(a), dump(b));
            assertEquals(log.size(), rb.appliedIndex());
            long committed = resultsA.stream().flatMap(List::stream).filter(x -> x instanceof ApplyResult.Committed).count();
            long conflicts = resultsA.stream().flatMap(List::stream).filter(x -> x instanceof ApplyResult.Conflict).count();
            long stale = resultsA.stream().flatMap(List::stream).filter(x -> x instanceof ApplyResult.StaleTimestamp).count();
            assertEquals(true, committed > 50 && conflicts > 10 && stale > 5, committed + "/" + conflicts + "/" + stale);
        }
    }

    static List<String> render(List<ApplyResult> rs) {
        List<String> out = new ArrayList<>();
        for (ApplyResult r : rs) {
            out.add(r instanceof ApplyResult.Conflict c ? "conflict " + HexFormat.of().formatHex(c.key()) : r.toString());
        }
        return out;
    }

    static List<List<String>> render2(List<List<ApplyResult>> rs) {
        return rs.stream().map(ApplyDeterminismTest::render).toList();
    }
}
