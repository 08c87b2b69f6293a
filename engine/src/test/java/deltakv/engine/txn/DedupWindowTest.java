package deltakv.engine.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.engine.storage.KV;
import deltakv.engine.storage.MvccStore;
import deltakv.engine.storage.StoreBatch;
import deltakv.engine.storage.TempStoreTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * De-dup answers must not depend on what one replica happens to hold in memory: the same across the
 * window boundary, after a reopen (memory rebuilt from the store), when the cap forgets records early,
 * and after someone else copied records into the store (checkpoint ingest).
 */
class DedupWindowTest extends TempStoreTest {
    static final long WINDOW = 100;

    /** One log entry committing the given (id, ts) pairs. */
    void entry(AppliedGroups g, long... idTs) {
        try (StoreBatch b = store.newBatch()) {
            long last = 0;
            for (int i = 0; i < idTs.length; i += 2) {
                g.record(idTs[i], idTs[i + 1], java.util.List.of());
                last = Math.max(last, idTs[i + 1]);
            }
            g.finishEntry(b);
            store.commit(b, last);
        }
    }

    static void assertWindow(AppliedGroups g, long id, long ts) {
        assertEquals(ts, g.committedTs(id, ts + WINDOW), "last commit ts inside the window");
        assertEquals(0, g.committedTs(id, ts + WINDOW + 1), "first commit ts past the window");
        assertEquals(0, g.committedTs(id + 1000, ts + 1), "an id never committed");
    }

    private AppliedGroups reopen(int cap) {
        store.close();
        store = MvccStore.open(dir.resolve("db"));
        return new AppliedGroups(store, WINDOW, cap);
    }

    @Test
    void windowBoundaryInMemoryAndAfterReopen() {
        AppliedGroups g = new AppliedGroups(store, WINDOW);
        entry(g, 1, 1000, 2, 1001);
        entry(g, 3, 1002);
        for (long id = 1; id <= 3; id++) assertWindow(g, id, 999 + id);
        AppliedGroups again = reopen(AppliedGroups.DEFAULT_CAP);
        for (long id = 1; id <= 3; id++) assertWindow(again, id, 999 + id);
    }

    @Test
    void oneStoreRecordPerEntry() {
        AppliedGroups g = new AppliedGroups(store, WINDOW);
        entry(g, 1, 1000, 2, 1001, 3, 1002);
        entry(g, 4, 1003);
        assertEquals(2, store.metaRange(new byte[] {'e', '/'}, new byte[] {'e', '0'}, 100).size());
    }

    @Test
    void theCapForgetsTheOldestTheSameWayAfterAReopen() {
        AppliedGroups g = new AppliedGroups(store, WINDOW, 2);
        entry(g, 1, 1000);
        entry(g, 2, 1001, 3, 1002); // three records, cap two: id 1 is forgotten
        assertEquals(0, g.committedTs(1, 1005));
        assertWindow(g, 2, 1001);
        AppliedGroups again = reopen(2);
        assertEquals(0, again.committedTs(1, 1005), "a reopened replica forgets the same record");
        assertWindow(again, 2, 1001);
        assertWindow(again, 3, 1002);
    }

    @Test
    void expiredRecordsAreRemovedFromTheStore() {
        AppliedGroups g = new AppliedGroups(store, WINDOW);
        for (long i = 0; i < 1100; i++) entry(g, i + 1, 1000 + i); // pruning runs every 1024 entries
        List<KV> left = store.metaRange(new byte[] {'e', '/'}, new byte[] {'e', '0'}, 10_000);
        assertEquals(true, left.size() > WINDOW && left.size() < 1100, "records inside the window are kept: " + left.size());
        AppliedGroups again = reopen(AppliedGroups.DEFAULT_CAP);
        assertEquals(0, again.committedTs(1, 2099), "expired");
        assertWindow(again, 1100, 2099);
    }

    @Test
    void recordsCopiedInBySomeoneElseAreSeen() {
        StateMachineApplier applier = new StateMachineApplier(store, WINDOW);
        OperationGroup g = new OperationGroup(42, 0, 500, List.of(), List.of(), List.of(new Mutation.Put(CoreFixture.b("k"), CoreFixture.b("v"))));
        assertEquals(new ApplyResult.Committed(10), applier.apply(g.withCommitTs(10)));
        // as a checkpoint ingest copies meta records: write one with another applier's memory
        entry(new AppliedGroups(store, WINDOW), 77, 450);
        OperationGroup copied = new OperationGroup(77, 0, 500, List.of(), List.of(), List.of(new Mutation.Put(CoreFixture.b("x"), CoreFixture.b("v"))));
        assertEquals(new ApplyResult.Committed(450), applier.apply(copied), "the copied record de-duplicates");
    }
}
