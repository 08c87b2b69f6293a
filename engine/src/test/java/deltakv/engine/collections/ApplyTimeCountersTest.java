package deltakv.engine.collections;

import static deltakv.engine.collections.DataFixture.b;
import static deltakv.engine.collections.DataFixture.now;
import static org.junit.jupiter.api.Assertions.assertEquals;

import deltakv.engine.Variant;
import deltakv.engine.redis.Reply;
import deltakv.engine.txn.MultiBlock;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * delta-cf: an increment is decided by the state machine, so one from an older snapshot neither conflicts
 * nor replies a stale value, and its type check sees what was applied before it; inside MULTI it runs at
 * the snapshot and conflicts. In rmw the same interleaving conflicts.
 */
class ApplyTimeCountersTest {
    @TempDir
    Path dir;

    private static Counters counters(DataFixture f, boolean atApply) {
        return new Counters(new StringStore(System::currentTimeMillis), f.keyspace(), atApply);
    }

    @Test
    void anIncrementFromAnOlderSnapshotNeitherConflictsNorRepliesAStaleValue() {
        try (DataFixture f = new DataFixture(dir, Variant.DELTA_CF)) {
            Counters c = counters(f, true);
            assertEquals(new Reply.Int(5), f.cmd("INCRBY", "n", "5"));
            AtomicInteger attempts = new AtomicInteger();
            CounterResult r = now(f.run(t -> {
                Decided<CounterResult> d = c.add(t, b("n"), 1);
                if (attempts.incrementAndGet() == 1) assertEquals(new Reply.Int(15), f.cmd("INCRBY", "n", "10"));
                return d;
            }));
            assertEquals(1, attempts.get(), "no conflict");
            assertEquals(new CounterResult.Value(16), r, "5 + 10 + 1: the value at apply time");
            assertEquals(0, f.stats.snapshot().conflicts());
        }
    }

    @Test
    void theTypeCheckIsDecidedAtApplyTime() {
        try (DataFixture f = new DataFixture(dir, Variant.DELTA_CF)) {
            Counters c = counters(f, true);
            CounterResult r = now(f.run(t -> {
                Decided<CounterResult> d = c.add(t, b("k"), 1);
                if (f.len("k") == 0) f.cmd("RPUSH", "k", "a"); // a list appears after the snapshot
                return d;
            }));
            assertEquals(new CounterResult.WrongType(), r);
            assertEquals(new Reply.Int(1), f.cmd("LLEN", "k"), "the list is untouched");
        }
    }

    @Test
    void insideMultiAndInRmwAConcurrentIncrementConflicts() {
        for (Variant v : new Variant[] {Variant.DELTA_CF, Variant.RMW}) {
            try (DataFixture f = new DataFixture(dir.resolve(v.cliName()), v)) {
                Counters c = counters(f, v == Variant.DELTA_CF);
                AtomicInteger attempts = new AtomicInteger();
                CounterResult r = now(f.run(t -> {
                    MultiBlock.mark(t);
                    Decided<CounterResult> d = c.add(t, b("n"), 1);
                    if (attempts.incrementAndGet() == 1) f.cmd("INCR", "n");
                    return d;
                }));
                assertEquals(2, attempts.get(), v + ": the block re-ran");
                assertEquals(new CounterResult.Value(2), r, v.toString());
            }
        }
    }
}
