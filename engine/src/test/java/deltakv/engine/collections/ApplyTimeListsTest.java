package deltakv.engine.collections;

import static deltakv.engine.collections.DataFixture.b;
import static deltakv.engine.collections.DataFixture.bytesList;
import static deltakv.engine.collections.DataFixture.now;
import static deltakv.engine.collections.DataFixture.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import deltakv.engine.Variant;
import deltakv.engine.storage.MvccStore;
import deltakv.engine.storage.TempStoreTest;
import deltakv.engine.txn.ApplyResult;
import deltakv.engine.txn.Mutation;
import deltakv.engine.txn.MultiBlock;
import deltakv.engine.txn.OperationGroup;
import deltakv.engine.txn.StateMachineApplier;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Variant delta-cf: standalone pushes and pops are decided by the state machine, so they never conflict
 * and reply what Redis would at that point of the log; a MULTI that reads a list still conflicts; a
 * re-submitted pop gets its first answer back instead of popping again.
 */
class ApplyTimeListsTest extends TempStoreTest {
    @TempDir
    Path fixtureDir;

    /** Runs {@code body}; on its first attempt {@code between} commits after the body's reads. */
    private static <T> T interleaved(DataFixture f, AtomicInteger attempts, java.util.function.Function<deltakv.engine.txn.Txn, T> body,
                                     Runnable between) {
        return f.run(t -> {
            T out = body.apply(t);
            if (attempts.incrementAndGet() == 1) between.run();
            return out;
        });
    }

    @Test
    void aPushFromAnOlderSnapshotNeitherConflictsNorRepliesAStaleLength() {
        try (DataFixture f = new DataFixture(fixtureDir, Variant.DELTA_CF)) {
            f.push("l", End.RIGHT, "a");
            AtomicInteger attempts = new AtomicInteger();
            Decided<Long> len = interleaved(f, attempts,
                    t -> f.lists().pushCommand(t, b("l"), End.LEFT, bytesList("x"), false),
                    () -> f.push("l", End.RIGHT, "b"));
            assertEquals(1, attempts.get(), "no conflict");
            assertEquals(3L, now(len), "the true new length, not the snapshot's 2");
            assertEquals(List.of("x", "a", "b"), f.range("l"));
            assertEquals(0, f.stats.snapshot().conflicts());
        }
    }

    @Test
    void popsRacingPopsAndPushesTakeDistinctElements() {
        try (DataFixture f = new DataFixture(fixtureDir, Variant.DELTA_CF)) {
            f.push("l", End.RIGHT, "a", "b", "c");
            AtomicInteger attempts = new AtomicInteger();
            Decided<Optional<List<byte[]>>> got = interleaved(f, attempts,
                    t -> f.lists().popCommand(t, b("l"), End.LEFT, 1),
                    () -> {
                        assertEquals(List.of("a"), f.pop("l", End.LEFT, 1));
                        f.push("l", End.LEFT, "z");
                    });
            assertEquals(1, attempts.get());
            assertEquals(List.of("z"), strings(now(got).orElseThrow()), "the head at apply time");
            assertEquals(List.of("b", "c"), f.range("l"));
        }
    }

    @Test
    void aMultiBlockThatReadsTheListConflictsWithAPushAppliedAfterItsSnapshot() {
        try (DataFixture f = new DataFixture(fixtureDir, Variant.DELTA_CF)) {
            f.push("l", End.RIGHT, "a");
            AtomicInteger attempts = new AtomicInteger();
            long len = interleaved(f, attempts, t -> {
                MultiBlock.mark(t);
                long seen = f.lists().length(t, b("l"));
                return now(f.lists().pushCommand(t, b("l"), End.RIGHT, bytesList("n" + seen), false));
            }, () -> f.push("l", End.RIGHT, "b"));
            assertEquals(2, attempts.get(), "the block re-ran on a fresh snapshot");
            assertEquals(3L, len);
            assertEquals(List.of("a", "b", "n2"), f.range("l"));
        }
    }

    @Test
    void missingListsAndCountZeroAnswerAsRedis() {
        try (DataFixture f = new DataFixture(fixtureDir, Variant.DELTA_CF)) {
            assertEquals(Long.valueOf(0), DataFixture.<Long>now(f.run(t -> f.lists().pushCommand(t, b("l"), End.RIGHT, bytesList("a"), true))));
            assertEquals(Optional.empty(), now(f.run(t -> f.lists().popCommand(t, b("l"), End.LEFT, 3))));
            f.push("l", End.RIGHT, "a");
            assertEquals(Optional.of(List.of()), now(f.run(t -> f.lists().popCommand(t, b("l"), End.LEFT, 0))));
            assertEquals(List.of("a"), f.pop("l", End.RIGHT, 5));
            assertEquals(List.of(), f.internalKeys("l"), "an emptied list leaves no key");
        }
    }

    @Test
    void aReSubmittedPopGetsItsFirstAnswerEvenAfterARestart() {
        StateMachineApplier applier = new StateMachineApplier(store, true, new DataOps());
        byte[] push = ListOp.encode(new ListOp.Push(b("q"), End.RIGHT, false, bytesList("a", "b")));
        byte[] pop = ListOp.encode(new ListOp.Pop(b("q"), End.LEFT, 1));
        // one log entry: the pop sees the push of the group before it
        List<ApplyResult> rs = applier.applyBatch(List.of(group(1, 10, push), group(777, 11, pop)));
        assertEquals(2L, ListOp.decodeLength(outputs(rs.get(0)).get(0)));
        assertEquals(List.of("a"), strings(ListOp.decodePopped(outputs(rs.get(1)).get(0)).orElseThrow()));

        OperationGroup again = group(777, 20, pop);
        assertEquals(List.of("a"), strings(ListOp.decodePopped(outputs(applier.apply(again)).get(0)).orElseThrow()));
        store.close();
        store = MvccStore.open(dir.resolve("db"));
        applier = new StateMachineApplier(store, true, new DataOps());
        ApplyResult r = applier.apply(again.withCommitTs(30));
        assertEquals(11, ((ApplyResult.Committed) r).commitTs());
        assertEquals(List.of("a"), strings(ListOp.decodePopped(outputs(r).get(0)).orElseThrow()), "remembered across restarts");
        assertEquals(List.of("b"), strings(ListOp.decodePopped(outputs(applier.apply(group(2, 40, pop))).get(0)).orElseThrow()),
                "the first pop happened once");
    }

    private static OperationGroup group(long id, long commitTs, byte[] op) {
        return new OperationGroup(id, 0, commitTs, List.of(), List.of(), List.of(new Mutation.AtApply(op)));
    }

    private static List<byte[]> outputs(ApplyResult r) {
        return assertInstanceOf(ApplyResult.Committed.class, r).outputs();
    }
}
