package deltakv.engine.txn;

import static deltakv.engine.txn.CoreFixture.b;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import deltakv.engine.storage.Longs;
import deltakv.engine.storage.MvccStore;
import deltakv.engine.storage.TempStoreTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StateMachineApplierTest extends TempStoreTest {
    StateMachineApplier applier;
    long nextId = 1;

    @BeforeEach
    void open() {
        applier = new StateMachineApplier(store);
    }

    OperationGroup group(long startTs, long commitTs, List<byte[]> reads, List<KeyRange> ranges, Mutation... ms) {
        return new OperationGroup(nextId++, startTs, commitTs, reads, ranges, List.of(ms));
    }

    ApplyResult write(long startTs, long commitTs, String key) {
        return applier.apply(group(startTs, commitTs, List.of(), List.of(), new Mutation.Put(b(key), b("v" + commitTs))));
    }

    static void assertConflictOn(String key, ApplyResult r) {
        assertConflictOn(key, r, "");
    }

    static void assertConflictOn(String key, ApplyResult r, String why) {
        assertArrayEquals(b(key), assertInstanceOf(ApplyResult.Conflict.class, r, why).key(), why);
    }

    @Test
    void writtenKeyNewerThanStartTsConflicts() {
        assertEquals(new ApplyResult.Committed(10), write(0, 10, "k"));
        assertConflictOn("k", write(5, 20, "k"));
        assertConflictOn("k", applier.apply(group(9, 21, List.of(), List.of(), new Mutation.Delete(b("k")))));
        assertEquals(new ApplyResult.Committed(22), write(10, 22, "k"));
        assertArrayEquals(b("v22"), store.get(b("k"), 22));
    }

    @Test
    void readKeyNewerThanStartTsConflicts() {
        write(0, 10, "r");
        ApplyResult r = applier.apply(group(5, 20, List.of(b("r")), List.of(), new Mutation.Put(b("w"), b("x"))));
        assertConflictOn("r", r);
        assertNull(store.get(b("w"), 100), "a conflicting group writes nothing");
        ApplyResult ok = applier.apply(group(10, 21, List.of(b("r")), List.of(), new Mutation.Put(b("w"), b("x"))));
        assertEquals(new ApplyResult.Committed(21), ok);
    }

    @Test
    void readRangeConflictsInsideButNotJustOutside() {
        KeyRange range = new KeyRange(b("b"), b("d"));
        write(0, 10, "a\u00ff"); // below start
        write(0, 11, "d");       // end is exclusive
        write(0, 12, "d\0");
        Mutation w = new Mutation.Put(b("out"), b("x"));
        assertEquals(new ApplyResult.Committed(20), applier.apply(group(5, 20, List.of(), List.of(range), w)));
        write(0, 30, "b"); // exactly the start
        assertConflictOn("b", applier.apply(group(25, 40, List.of(), List.of(range), w)));
        write(0, 41, "c\u00ff\u00ff");
        assertConflictOn("c\u00ff\u00ff", applier.apply(group(30, 50, List.of(), List.of(range), w)));
        assertConflictOn("b", applier.apply(group(29, 51, List.of(), List.of(KeyRange.prefix(b("b"))), w)));
        assertEquals(new ApplyResult.Committed(60),
                applier.apply(group(41, 60, List.of(), List.of(), new Mutation.Delete(b("c\u00ff\u00ff")))));
        assertConflictOn("c\u00ff\u00ff", applier.apply(group(41, 61, List.of(), List.of(range), w)), "a delete is a version");
    }

    @Test
    void commitTsAtOrBelowLastAppliedIsStale() {
        write(0, 10, "k");
        assertEquals(new ApplyResult.StaleTimestamp(10, 10), write(0, 10, "x"));
        assertEquals(new ApplyResult.StaleTimestamp(7, 10), write(0, 7, "x"));
        assertNull(store.get(b("x"), 100));
        assertEquals(10, applier.lastAppliedTs());
    }

    @Test
    void batchAbortsOnlyTheConflictingGroup() {
        List<ApplyResult> rs = applier.applyBatch(List.of(
                group(0, 10, List.of(), List.of(), new Mutation.Put(b("a"), b("1"))),
                group(0, 11, List.of(b("a")), List.of(), new Mutation.Put(b("b"), b("2"))), // read a, changed at 10
                group(0, 12, List.of(), List.of(), new Mutation.Put(b("c"), b("3")))), 7);
        assertEquals(new ApplyResult.Committed(10), rs.get(0));
        assertConflictOn("a", rs.get(1));
        assertEquals(new ApplyResult.Committed(12), rs.get(2));
        assertNull(store.get(b("b"), 100));
        assertArrayEquals(b("3"), store.get(b("c"), 100));
        assertEquals(7, applier.appliedIndex());
    }

    @Test
    void putAtCommitTsEmbedsTheCommitTimestamp() {
        Mutation m = new Mutation.PutAtCommitTs(b("!d|"), b("#0"), b("delta"));
        applier.apply(group(0, 0x0102, List.of(), List.of(), m));
        byte[] key = Bytes.concat(b("!d|"), new byte[] {0, 0, 0, 0, 0, 0, 1, 2}, b("#0"));
        assertArrayEquals(b("delta"), store.get(key, 0x0102));
    }

    @Test
    void repeatedGroupIdReturnsOriginalResultAndAppliesOnce() {
        Mutation delta = new Mutation.PutAtCommitTs(b("!d|"), b(""), b("+1"));
        OperationGroup g = new OperationGroup(777, 0, 10, List.of(), List.of(), List.of(delta));
        assertEquals(new ApplyResult.Committed(10), applier.apply(g));
        assertEquals(new ApplyResult.Committed(10), applier.apply(g.withCommitTs(20)), "retry with a new ts");
        assertEquals(1, store.scan(b("!d|"), Bytes.prefixEnd(b("!d|")), 100, 100, false).size());
        store.close();
        store = MvccStore.open(dir.resolve("db"));
        applier = new StateMachineApplier(store);
        assertEquals(new ApplyResult.Committed(10), applier.apply(g.withCommitTs(30)), "remembered across restarts");
        assertEquals(1, store.scan(b("!d|"), Bytes.prefixEnd(b("!d|")), 100, 100, false).size());
    }

    @Test
    void deDupRecordsExpireAfterTheWindow() {
        applier = new StateMachineApplier(store, 100);
        OperationGroup g = new OperationGroup(5, 0, 10, List.of(), List.of(), List.of(new Mutation.Put(b("k"), b("v"))));
        applier.apply(g);
        for (int i = 0; i < 1100; i++) write(0, 1000 + i, "other" + i); // prune runs every 1024 entries
        long live = store.metaRange(b("e/"), b("e0"), 10_000).size();
        assertEquals(true, live > 0 && live < 1100, "records inside the window are kept: " + live);
        store.close();
        store = MvccStore.open(dir.resolve("db"));
        applier = new StateMachineApplier(store, 100);
        assertInstanceOf(ApplyResult.Conflict.class, applier.apply(g.withCommitTs(5000)),
                "forgotten: applied again, and OCC catches the key written since startTs 0");
    }

    @Test
    void aSnapshotOlderThanGcRetentionIsRejectedWhereGcCollectedTheConflict() {
        long t = deltakv.engine.clock.Hlc.of(1_000_000, 0);
        long sec = deltakv.engine.clock.Hlc.of(1000, 0);
        write(0, t, "k");
        assertEquals(new ApplyResult.Committed(t + sec), applier.apply(group(t, t + sec, List.of(), List.of(),
                new Mutation.Delete(b("k"))))); // a DEL
        write(t + sec, t + 9 * sec, "other"); // later commits move the applied ts on
        // version GC on this replica: everything up to (applied - retention) goes, the DEL's marker included
        store.gc(store.lastAppliedTs() - VersionGc.DEFAULT_RETENTION);
        assertEquals(0, store.latestCommitTs(b("k")), "the evidence of the DEL is gone here");
        // a pop from before the DEL, resent late: nothing left to conflict with, and still it must not commit
        ApplyResult late = applier.apply(group(t, t + 10 * sec, List.of(b("k")), List.of(), new Mutation.Put(b("claim"), b("x"))));
        assertArrayEquals(ApplyResult.SNAPSHOT_TOO_OLD, assertInstanceOf(ApplyResult.Conflict.class, late).key());
        assertEquals("(snapshot-too-old)", ConflictStats.label(((ApplyResult.Conflict) late).key()), "what TRYAGAIN names");
        assertNull(store.get(b("claim"), t + 20 * sec));
        // a snapshot within the retention commits as before
        assertEquals(new ApplyResult.Committed(t + 11 * sec), applier.apply(group(t + 5 * sec, t + 11 * sec, List.of(b("k")),
                List.of(), new Mutation.Put(b("claim"), b("y")))));
    }
}
