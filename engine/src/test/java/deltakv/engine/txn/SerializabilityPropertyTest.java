package deltakv.engine.txn;

import static deltakv.engine.txn.CoreFixture.b;
import static deltakv.engine.txn.CoreFixture.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random transactions (point reads, forward/reverse limited scans, puts, deletes) on a few keys run
 * concurrently through the real executor and store. Each also writes a unique marker key, whose
 * commit ts gives the commit order. Re-running the same bodies serially in that order on a plain map
 * must reproduce every committed body's observations and the final state. The same check must
 * catch an executor whose commits drop their read sets.
 */
class SerializabilityPropertyTest {
    private static final int KEYS = 6;
    private static final int THREADS = 4;
    private static final int PER_THREAD = 60;

    @TempDir
    Path dir;

    static byte[] key(int i) {
        return b("k" + i);
    }

    /** A deterministic body built from a seed: same seed, same reads and writes given the same data. */
    static Function<Txn, String> body(long seed, int txnId) {
        return t -> {
            Random r = new Random(seed);
            StringBuilder seen = new StringBuilder();
            for (int op = 0, n = 1 + r.nextInt(4); op < n; op++) {
                switch (r.nextInt(5)) {
                    case 0 -> seen.append(s(t.get(key(r.nextInt(KEYS))))).append(';');
                    case 1 -> {
                        KeyRange range = new KeyRange(key(r.nextInt(KEYS)), r.nextBoolean() ? null : key(KEYS));
                        for (Txn.KV kv : t.scan(range, 1 + r.nextInt(3), r.nextBoolean(), true)) {
                            seen.append(s(kv.key())).append('=').append(s(kv.value())).append(',');
                        }
                        seen.append(';');
                    }
                    case 2, 3 -> {
                        // value derived from what was seen, so a stale read changes the final state
                        t.put(key(r.nextInt(KEYS)), b(txnId + ":" + Integer.toHexString(seen.toString().hashCode())));
                    }
                    default -> t.delete(key(r.nextInt(KEYS)));
                }
                LockSupport.parkNanos(20_000); // widen the window between reads and writes so transactions overlap
            }
            t.put(b("marker" + txnId), b("1"));
            return seen.toString();
        };
    }

    @Test
    void concurrentHistoryEqualsSerialReplayInCommitOrder() throws Exception {
        // A loaded machine can run the threads one after another; repeat with new seeds until a run
        // contended (every run must still be serializable).
        long conflicts = 0;
        for (int seed = 7; seed < 17 && conflicts == 0; seed++) {
            try (CoreFixture core = new CoreFixture(dir.resolve("db" + seed))) {
                assertEquals(null, firstAnomaly(core, core.executor, seed));
                conflicts = core.stats.snapshot().conflicts();
            }
        }
        assertTrue(conflicts > 0, "no run contended in 10 tries");
    }

    /** Must-fail input for the same check: commits that drop their read set lose serializability. */
    @Test
    void droppingReadSetsIsCaught() throws Exception {
        String anomaly = null;
        for (int seed = 1; seed <= 10 && anomaly == null; seed++) {
            try (CoreFixture core = new CoreFixture(dir.resolve("db" + seed))) {
                anomaly = firstAnomaly(core, core.executor(withoutReads(core.committer), RetryPolicy.defaults()), seed);
            }
        }
        assertNotNull(anomaly, "blind-write commits went unnoticed");
    }

    /** Fault injection: forwards groups to the real committer with read keys and ranges removed. */
    static Committer withoutReads(Committer real) {
        return new Committer() {
            @Override
            public ApplyResult commit(OperationGroup g) throws AmbiguousCommitException {
                return real.commit(new OperationGroup(g.id(), g.startTs(), g.commitTs(), List.of(), List.of(), g.mutations()));
            }

            @Override
            public long readTimestamp() {
                return real.readTimestamp();
            }
        };
    }

    /** Runs the random workload and returns the first difference from the serial replay, or null. */
    static String firstAnomaly(CoreFixture core, TxnExecutor ex, long seed) throws InterruptedException {
        Random seeds = new Random(seed);
        long[] seedOf = new long[THREADS * PER_THREAD];
        for (int i = 0; i < seedOf.length; i++) seedOf[i] = seeds.nextLong();
        Map<Integer, String> observed = new ConcurrentHashMap<>();
        Thread[] ts = new Thread[THREADS];
        CountDownLatch go = new CountDownLatch(1);
        for (int th = 0; th < THREADS; th++) {
            int base = th * PER_THREAD;
            ts[th] = new Thread(() -> {
                try {
                    go.await(); // start together so transactions overlap
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = base; i < base + PER_THREAD; i++) observed.put(i, ex.execute(body(seedOf[i], i)));
            });
            ts[th].start();
        }
        go.countDown();
        for (Thread t : ts) t.join();
        if (observed.size() != seedOf.length) return "only " + observed.size() + " transactions finished";

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < seedOf.length; i++) order.add(i);
        order.sort(Comparator.comparingLong(i -> core.store.latestCommitTs(b("marker" + i))));
        ModelTxn model = new ModelTxn();
        for (int i : order) {
            String serial = body(seedOf[i], i).apply(model);
            if (!serial.equals(observed.get(i))) return "txn " + i + " saw " + observed.get(i) + ", serially " + serial;
        }
        TreeMap<String, String> expected = new TreeMap<>();
        model.data.forEach((k, v) -> expected.put(s(k), s(v)));
        TreeMap<String, String> actual = new TreeMap<>();
        core.executor.execute(t -> t.scan(new KeyRange(new byte[0], null), Integer.MAX_VALUE, false, false))
                .forEach(kv -> actual.put(s(kv.key()), s(kv.value())));
        return expected.equals(actual) ? null : "final state " + actual + ", serially " + expected;
    }
}
