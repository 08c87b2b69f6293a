package deltakv.engine.txn;

import static deltakv.engine.txn.CoreFixture.b;
import static deltakv.engine.txn.CoreFixture.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TxnExecutor#executeAsync}: the same outcomes as {@code execute}, without parking a thread,
 * and the unconfirmed-snapshot shortcut never changes an answer: a write is validated at commit, a
 * read-only answer is re-read at a confirmed snapshot.
 */
class AsyncTxnTest extends CoreTest {
    private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-loop"));
    /** Snapshot timestamps the bodies ran at, in order. */
    private final List<Long> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopLoop() {
        loop.shutdownNow();
    }

    /** The real committer, but its unconfirmed snapshot is stuck at {@code stale} (a lagging leader's view). */
    private static Committer staleView(Committer real, long stale) {
        return new Committer() {
            @Override
            public ApplyResult commit(OperationGroup g) throws AmbiguousCommitException {
                return real.commit(g);
            }

            @Override
            public long readTimestamp() {
                return real.readTimestamp();
            }

            @Override
            public OptionalLong unconfirmedReadTimestamp() {
                return OptionalLong.of(stale);
            }
        };
    }

    private <T> T run(TxnExecutor ex, boolean mayWrite, Function<Txn, T> body) throws Exception {
        return run(ex, mayWrite ? "cmd" : null, body);
    }

    private <T> T run(TxnExecutor ex, String writeKind, Function<Txn, T> body) throws Exception {
        return ex.executeAsync(t -> {
            seen.add(t.startTs());
            return body.apply(t);
        }, loop, writeKind).get(10, TimeUnit.SECONDS);
    }

    /** k = v1, then k = v2; returns a timestamp at which k was still v1. */
    private long twoVersions() {
        core.put("k", "v1");
        long stale = core.committer.readTimestamp();
        core.put("k", "v2");
        return stale;
    }

    @Test
    void aWriteAtAStaleSnapshotConflictsAndIsRetriedAtAConfirmedOne() throws Exception {
        long stale = twoVersions();
        TxnExecutor ex = core.executor(staleView(core.committer, stale), RetryPolicy.defaults());
        String wrote = run(ex, true, t -> {
            String v = s(t.get(b("k"))) + "+x";
            t.put(b("k"), b(v));
            return v;
        });
        assertEquals("v2+x", wrote, "the lost update the stale read would cause is caught at commit");
        assertEquals("v2+x", core.get("k"));
        assertEquals(2, seen.size());
        assertEquals(stale, seen.get(0));
        assertTrue(seen.get(1) > stale, "the retry reads at a confirmed snapshot");
        assertEquals(1, core.stats.snapshot().conflicts());
    }

    @Test
    void aBodyThatWroteNothingAnswersFromAConfirmedSnapshot() throws Exception {
        long stale = twoVersions();
        TxnExecutor ex = core.executor(staleView(core.committer, stale), RetryPolicy.defaults());
        assertEquals("v2", run(ex, true, t -> s(t.get(b("k")))), "never the stale v1");
        assertEquals(List.of(stale, core.committer.readTimestamp()), seen);
    }

    /**
     * An untracked read is not validated at commit (a delta list's length is read that way), so a body
     * that made one answers from a confirmed snapshot even though it writes; its command then skips the
     * unconfirmed snapshot from the start.
     */
    @Test
    void aBodyThatReadUntrackedIsConfirmedAndItsCommandRemembered() throws Exception {
        long stale = twoVersions();
        TxnExecutor ex = core.executor(staleView(core.committer, stale), RetryPolicy.defaults());
        Function<Txn, String> body = t -> {
            String v = s(t.getUntracked(b("k")));
            t.put(b("log"), b(v));
            return v;
        };
        assertEquals("v2", run(ex, "untracked-cmd", body), "never the stale v1");
        assertEquals(2, seen.size());
        assertEquals(stale, seen.get(0));
        assertTrue(seen.get(1) > stale, "re-run at a confirmed snapshot");
        assertEquals("v2", core.get("log"));
        seen.clear();
        assertEquals("v2", run(ex, "untracked-cmd", body));
        assertEquals(1, seen.size(), "the second time it starts at a confirmed snapshot");
        assertTrue(seen.get(0) > stale);
        seen.clear();
        run(ex, "other-cmd", t -> {
            t.put(b("x"), b("y"));
            return null;
        });
        assertEquals(List.of(stale), seen, "other commands still use the unconfirmed snapshot");
    }

    @Test
    void readOnlyCommandsNeverUseTheUnconfirmedSnapshot() throws Exception {
        long stale = twoVersions();
        TxnExecutor ex = core.executor(staleView(core.committer, stale), RetryPolicy.defaults());
        assertEquals("v2", run(ex, false, t -> s(t.get(b("k")))));
        assertEquals(1, seen.size());
    }

    @Test
    void bodiesRunOnTheGivenExecutor() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        run(core.executor, true, t -> {
            threads.add(Thread.currentThread().getName());
            t.put(b("k"), b("v"));
            return null;
        });
        assertEquals(List.of("test-loop"), threads);
        assertEquals("v", core.get("k"));
    }

    @Test
    void anAmbiguousCommitIsResubmittedNotReRun() throws Exception {
        TxnExecutor ex = core.executor(AmbiguousCommitTest.losingReplies(core.committer, 2, true), RetryPolicy.defaults());
        AtomicInteger runs = new AtomicInteger();
        run(ex, true, t -> {
            runs.incrementAndGet();
            t.putAtCommitTs(b("!d|"), b(""), b("+1"));
            return null;
        });
        assertEquals(1, runs.get());
        assertEquals(1, core.executor.execute(t -> t.scan(KeyRange.prefix(b("!d|")), 100, false, false)).size(),
                "exactly one delta despite three submissions");
    }

    @Test
    void anUnsettledAmbiguityFailsAsOutcomeUnknown() {
        TxnExecutor ex = core.executor(AmbiguousCommitTest.losingReplies(core.committer, 100, false),
                RetryPolicy.defaults());
        ExecutionException e = assertThrows(ExecutionException.class, () -> run(ex, true, t -> {
            t.put(b("k"), b("v"));
            return null;
        }));
        assertInstanceOf(OutcomeUnknownException.class, e.getCause());
        assertEquals(1, core.stats.snapshot().outcomeUnknown());
    }

    @Test
    void endlessConflictsGiveUpAndReleaseTheSnapshot() {
        Committer alwaysConflicts = new Committer() {
            @Override
            public ApplyResult commit(OperationGroup g) {
                return new ApplyResult.Conflict(b("k"));
            }

            @Override
            public long readTimestamp() {
                return core.committer.readTimestamp();
            }
        };
        RetryPolicy quick = new RetryPolicy(Duration.ofNanos(1000), Duration.ofMillis(1), 5, Duration.ofSeconds(5), 3);
        ExecutionException e = assertThrows(ExecutionException.class, () -> run(core.executor(alwaysConflicts, quick),
                true, t -> {
                    t.put(b("k"), b("v"));
                    return null;
                }));
        assertInstanceOf(TooManyConflictsException.class, e.getCause());
        assertEquals(5, seen.size(), "one run per attempt");
        assertEquals(0, core.snapshots.activeCount(), "no snapshot left registered");
    }

    @Test
    void aFailingBodyFailsTheFutureAndReleasesTheSnapshot() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> run(core.executor, true, t -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals("boom", e.getCause().getMessage());
        assertEquals(0, core.snapshots.activeCount());
    }
}
