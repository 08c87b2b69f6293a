package deltakv.engine.txn;

import static deltakv.engine.txn.CoreFixture.b;
import static deltakv.engine.txn.CoreFixture.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TxnExecutorTest extends CoreTest {

    static List<String> keys(List<Txn.KV> kvs) {
        return kvs.stream().map(kv -> s(kv.key())).toList();
    }

    @Test
    void readsYourOwnWritesAndDeletes() {
        core.put("k", "old");
        String seen = core.executor.execute(t -> {
            String before = s(t.get(b("k")));
            t.put(b("k"), b("new"));
            String after = s(t.get(b("k")));
            t.delete(b("gone"));
            t.put(b("gone2"), b("x"));
            t.delete(b("gone2"));
            return before + "," + after + "," + s(t.get(b("gone2")));
        });
        assertEquals("old,new,null", seen);
        assertEquals("new", core.get("k"));
        assertNull(core.get("gone2"));
    }

    @Test
    void scansMergePendingWritesInBothDirections() {
        for (String k : List.of("a", "c", "e", "g")) core.put(k, "stored");
        KeyRange all = new KeyRange(b("a"), b("z"));
        List<List<String>> r = core.executor.execute(t -> {
            t.put(b("b"), b("mine"));
            t.delete(b("c"));
            t.put(b("e"), b("mine"));
            t.put(b("z"), b("outside"));
            return List.of(keys(t.scan(all, 100, false, true)), keys(t.scan(all, 100, true, true)),
                    keys(t.scan(all, 2, false, true)), keys(t.scan(all, 2, true, true)),
                    List.of(s(t.scan(new KeyRange(b("e"), b("f")), 1, false, false).get(0).value())));
        });
        assertEquals(List.of("a", "b", "e", "g"), r.get(0));
        assertEquals(List.of("g", "e", "b", "a"), r.get(1));
        assertEquals(List.of("a", "b"), r.get(2));
        assertEquals(List.of("g", "e"), r.get(3));
        assertEquals(List.of("mine"), r.get(4));
    }

    /** Runs a body that scans [a, n) with limit 2 while another transaction writes {@code concurrent}. */
    int attemptsWithConcurrentWrite(String concurrent, boolean reverse) {
        AtomicInteger runs = new AtomicInteger();
        core.executor.execute(t -> {
            t.scan(new KeyRange(b("a"), b("n")), 2, reverse, true);
            if (runs.incrementAndGet() == 1) core.put(concurrent, "x");
            t.put(b("zz-out"), b("y"));
            return null;
        });
        return runs.get();
    }

    @Test
    void limitedScansTrackOnlyTheCoveredPart() {
        for (String k : List.of("b", "d", "f", "h")) core.put(k, "v");
        assertEquals(1, attemptsWithConcurrentWrite("e", false), "beyond the 2 keys read forward");
        assertEquals(2, attemptsWithConcurrentWrite("c", false), "between the keys read forward");
        assertEquals(2, attemptsWithConcurrentWrite("a", false), "at the range start");
        assertEquals(1, attemptsWithConcurrentWrite("e", true), "below the 2 keys read in reverse (h, f)");
        assertEquals(2, attemptsWithConcurrentWrite("g", true), "between the keys read in reverse");
        assertEquals(2, attemptsWithConcurrentWrite("m", true), "just below the range end");
        assertEquals(1, attemptsWithConcurrentWrite("n", true), "the range end is exclusive");
    }

    @Test
    void emptyAndInvertedRangesScanNothing() {
        core.put("m", "v");
        List<Integer> sizes = core.executor.execute(t -> {
            t.put(b("n"), b("pending"));
            return List.of(t.scan(new KeyRange(b("z"), b("a")), 10, false, true).size(),
                    t.scan(new KeyRange(b("m"), b("m")), 10, true, true).size(),
                    t.scan(new KeyRange(b("a"), null), 0, false, true).size());
        });
        assertEquals(List.of(0, 0, 0), sizes);
    }

    @Test
    void pendingDeletesDoNotShortenALimitedScan() {
        for (String k : List.of("a", "b", "c", "d", "e")) core.put(k, "v");
        List<String> got = core.executor.execute(t -> {
            t.delete(b("a"));
            t.delete(b("b"));
            t.delete(b("c"));
            return keys(t.scan(KeyRange.prefix(b("")), 2, false, true));
        });
        assertEquals(List.of("d", "e"), got);
    }

    @Test
    void commitTsPutsAreInvisibleUntilCommittedThenLandAtTheCommitTs() {
        byte[] prefix = b("!d|");
        int seenInside = core.executor.execute(t -> {
            t.putAtCommitTs(prefix, b("0"), b("one"));
            t.putAtCommitTs(prefix, b("1"), b("two"));
            return t.scan(KeyRange.prefix(prefix), 10, false, true).size();
        });
        assertEquals(0, seenInside, "the key depends on a commit ts that does not exist yet");
        long ts = core.applier.lastAppliedTs();
        List<Txn.KV> stored = core.executor.execute(t -> t.scan(KeyRange.prefix(prefix), 10, false, false));
        assertEquals(2, stored.size());
        assertArrayEquals(new Mutation.PutAtCommitTs(prefix, b("0"), b("")).keyAt(ts), stored.get(0).key());
        assertArrayEquals(new Mutation.PutAtCommitTs(prefix, b("1"), b("")).keyAt(ts), stored.get(1).key());
    }

    @Test
    void readOnlyBodiesNeverCommit() {
        core.put("k", "v");
        long applied = core.applier.lastAppliedTs();
        assertEquals("v", core.get("k"));
        assertEquals(applied, core.applier.lastAppliedTs());
        assertEquals(1, core.stats.snapshot().commits());
    }

    @Test
    void snapshotIsRegisteredWhileTheBodyRuns() {
        int inside = core.executor.execute(t -> core.snapshots.activeCount());
        assertEquals(1, inside);
        assertEquals(0, core.snapshots.activeCount());
        assertThrows(IllegalStateException.class, () -> core.executor.execute(t -> {
            throw new IllegalStateException("body failed");
        }));
        assertEquals(0, core.snapshots.activeCount(), "released when the body throws");
    }

    @Test
    void concurrentIncrementsOfOneCounterAreExact() throws Exception {
        int threads = 8;
        int each = 150;
        core.put("first", "x"); // a snapshot of the empty store is too old once anything commits (StateMachineApplier)
        core.stats.reset();
        Thread[] ts = new Thread[threads];
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < threads; i++) {
            ts[i] = new Thread(() -> {
                try {
                    for (int n = 0; n < each; n++) {
                        core.executor.execute(t -> {
                            String v = s(t.get(b("!str|counter")));
                            t.put(b("!str|counter"), b(String.valueOf(v == null ? 1 : Long.parseLong(v) + 1)));
                            return null;
                        });
                    }
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                }
            });
            ts[i].start();
        }
        for (Thread t : ts) t.join();
        assertEquals(0, failures.get());
        assertEquals(String.valueOf(threads * each), core.get("!str|counter"));
        ConflictStats.Snapshot st = core.stats.snapshot();
        assertEquals(threads * each, st.commits());
        assertEquals(st.conflicts(), st.conflictsByPrefix().getOrDefault("!str|", 0L)
                + st.conflictsByPrefix().getOrDefault(ConflictStats.STALE_TS, 0L));
    }

    @Test
    void conflictIsCountedByPrefixAndRetried() {
        byte[] meta = b("!lst|meta|b|\0\0\0\1q");
        core.put("first", "x"); // a snapshot of the empty store is too old once anything commits (StateMachineApplier)
        core.stats.reset();
        AtomicInteger runs = new AtomicInteger();
        String result = core.executor.execute(t -> {
            String seen = s(t.get(meta));
            if (runs.incrementAndGet() == 1) core.put("!lst|meta|b|\0\0\0\1q", "concurrent");
            t.put(b("!lst|itm|x"), b("item"));
            return seen;
        });
        assertEquals("concurrent", result, "the retry read the concurrent write");
        assertEquals(2, runs.get());
        ConflictStats.Snapshot st = core.stats.snapshot();
        assertEquals(1L, st.conflictsByPrefix().get("!lst|meta|"));
        assertEquals(1L, st.retriesByPrefix().get("!lst|meta|"));
        core.stats.reset();
        assertEquals(0, core.stats.snapshot().conflicts());
    }

    @Test
    void conflictExceptionFromTheBodyRetriesAndGivesUpWithAClearError() {
        RetryPolicy quick = new RetryPolicy(Duration.ofNanos(1000), Duration.ofNanos(10_000), 5, Duration.ofSeconds(2), 1);
        TxnExecutor ex = core.executor(core.committer, quick);
        AtomicInteger runs = new AtomicInteger();
        TooManyConflictsException e = assertThrows(TooManyConflictsException.class, () -> ex.execute(t -> {
            runs.incrementAndGet();
            t.put(b("k"), b("never"));
            throw new ConflictException(b("!lst|claim|x"));
        }));
        assertEquals(5, runs.get());
        assertTrue(e.getMessage().startsWith("too many conflicts"), e.getMessage());
        assertTrue(e.getMessage().contains("!lst|claim|"), e.getMessage());
        assertNull(core.get("k"));
        assertEquals(1, core.stats.snapshot().gaveUp());
    }
}
