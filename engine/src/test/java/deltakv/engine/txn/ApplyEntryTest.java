package deltakv.engine.txn;

import static deltakv.engine.txn.CoreFixture.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import deltakv.engine.storage.MvccStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One atomic write per log entry must decide exactly as applying its groups one at a time would
 * (later groups see earlier ones' writes and de-dup records before anything reaches RocksDB), and a
 * failure part-way through an entry must leave nothing of it, in the store or in memory.
 */
class ApplyEntryTest {
    @TempDir
    Path dir;

    @Test
    void anEntryDecidesExactlyAsItsGroupsOneByOne() {
        List<List<OperationGroup>> log = ApplyDeterminismTest.randomLog(23);
        try (MvccStore batched = MvccStore.open(dir.resolve("a")); MvccStore single = MvccStore.open(dir.resolve("b"))) {
            StateMachineApplier ra = new StateMachineApplier(batched);
            StateMachineApplier rb = new StateMachineApplier(single);
            List<List<ApplyResult>> resultsA = new ArrayList<>();
            List<List<ApplyResult>> resultsB = new ArrayList<>();
            for (int i = 0; i < log.size(); i++) {
                long commitsBefore = batched.commits();
                resultsA.add(ra.applyBatch(log.get(i), i + 1));
                assertEquals(commitsBefore + 1, batched.commits(), "one RocksDB write per entry");
                List<ApplyResult> one = new ArrayList<>();
                for (OperationGroup g : log.get(i)) one.add(rb.apply(g));
                resultsB.add(one);
            }
            assertEquals(ApplyDeterminismTest.render2(resultsB), ApplyDeterminismTest.render2(resultsA));
            assertEquals(ApplyDeterminismTest.dump(single), ApplyDeterminismTest.dump(batched));
            assertEquals(log.size(), ra.appliedIndex());
        }
    }

    @Test
    void laterGroupsOfAnEntrySeeEarlierWritesInsideReadRanges() {
        try (MvccStore store = MvccStore.open(dir.resolve("db"))) {
            StateMachineApplier applier = new StateMachineApplier(store);
            Mutation delta = new Mutation.PutAtCommitTs(b("d/"), b(""), b("x"));
            List<ApplyResult> rs = applier.applyBatch(List.of(
                    new OperationGroup(1, 5, 10, List.of(), List.of(), List.of(delta)),
                    new OperationGroup(2, 5, 11, List.of(), List.of(KeyRange.prefix(b("d/"))), List.of(new Mutation.Put(b("k"), b("v"))))), 1);
            assertEquals(new ApplyResult.Committed(10), rs.get(0));
            assertEquals(ApplyResult.Conflict.class, rs.get(1).getClass(), "the range read missed group 1's delta");
        }
    }

    @Test
    void aFailurePartWayThroughAnEntryLeavesNothing() {
        try (MvccStore store = MvccStore.open(dir.resolve("db"))) {
            StateMachineApplier applier = new StateMachineApplier(store);
            OperationGroup first = new OperationGroup(1, 0, 10, List.of(), List.of(), List.of(new Mutation.Put(b("a"), b("1"))));
            OperationGroup broken = new OperationGroup(2, 0, 11, List.of(), List.of(), List.of(new Mutation.Put(null, b("2"))));
            assertThrows(RuntimeException.class, () -> applier.applyBatch(List.of(first, broken), 1));
            assertNull(store.get(b("a"), Long.MAX_VALUE), "the first group of the failed entry was not written");
            assertEquals(0, applier.appliedIndex());
            assertEquals(new ApplyResult.Committed(12), applier.apply(first.withCommitTs(12)),
                    "its de-dup record was not kept in memory either: applied now, at the new ts");
        }
    }
}
