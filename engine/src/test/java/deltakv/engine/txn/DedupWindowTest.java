package deltakv.engine.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.engine.storage.Longs;
import deltakv.engine.storage.MvccStore;
import deltakv.engine.storage.TempStoreTest;
import deltakv.engine.storage.StoreBatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * De-dup answers must not depend on what one replica happens to hold in memory: the same across the
 * window boundary, after a reopen (records only in the store), after records were evicted from memory,
 * and after someone else copied records into the store (checkpoint ingest).
 */
class DedupWindowTest extends TempStoreTest {
    static final long WINDOW = 100;

    void record(AppliedGroups g, long id, long ts) {
        try (StoreBatch b = store.newBatch()) {
            g.record(b, id, ts);
            store.commit(b, ts);
        }
    }

    static void assertWindow(AppliedGroups g, long id, long ts) {
        assertEquals(ts, g.committedTs(id, ts + WINDOW), "last commit ts inside the window");
        assertEquals(0, g.committedTs(id, ts + WINDOW + 1), "first commit ts past the window");
        assertEquals(0, g.committedTs(id + 1000, ts + 1), "an id never committed");
    }

    @Test
    void windowBoundaryInMemoryAndAfterReopen() {
        AppliedGroups g = new AppliedGroups(store, WINDOW);
        record(g, 1, 1000);
        assertWindow(g, 1, 1000);
        store.close();
        store = MvccStore.open(dir.resolve("db"));
        assertWindow(new AppliedGroups(store, WINDOW), 1, 1000);
    }

    @Test
    void evictedRecordsAreStillFoundInTheStore() {
        AppliedGroups g = new AppliedGroups(store, WINDOW, 2);
        record(g, 1, 1000);
        record(g, 2, 1001);
        record(g, 3, 1002); // evicts id 1 from memory
        assertWindow(g, 1, 1000);
        assertWindow(g, 3, 1002);
    }

    @Test
    void recordsTooManyToLoadAtOpenAreFoundInTheStore() {
        AppliedGroups g = new AppliedGroups(store, WINDOW);
        for (long id = 1; id <= 3; id++) record(g, id, 999 + id);
        store.close();
        store = MvccStore.open(dir.resolve("db"));
        AppliedGroups small = new AppliedGroups(store, WINDOW, 2);
        assertWindow(small, 1, 1000);
        assertWindow(small, 3, 1002);
    }

    @Test
    void recordsCopiedInBySomeoneElseAreSeen() {
        StateMachineApplier applier = new StateMachineApplier(store, WINDOW);
        OperationGroup g = new OperationGroup(42, 0, 500, List.of(), List.of(), List.of(new Mutation.Put(CoreFixture.b("k"), CoreFixture.b("v"))));
        assertEquals(new ApplyResult.Committed(10), applier.apply(g.withCommitTs(10)));
        try (StoreBatch b = store.newBatch()) { // as a checkpoint ingest copies meta records
            b.putMeta(Bytes.concat(CoreFixture.b("g/"), Longs.toBytes(77)), Longs.toBytes(450));
            b.putMeta(Bytes.concat(CoreFixture.b("t/"), Longs.toBytes(450), Longs.toBytes(77)), new byte[0]);
            store.commit(b, 450);
        }
        OperationGroup copied = new OperationGroup(77, 0, 500, List.of(), List.of(), List.of(new Mutation.Put(CoreFixture.b("x"), CoreFixture.b("v"))));
        assertEquals(new ApplyResult.Committed(450), applier.apply(copied), "the copied record de-duplicates");
    }
}
