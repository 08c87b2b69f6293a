package deltakv.engine.txn;

import static deltakv.engine.txn.CoreFixture.b;
import static deltakv.engine.txn.CoreFixture.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bug flags of the commit path, each in its smallest deterministic interleaving: the correct engine
 * retries (or de-duplicates) and ends serializable, the buggy one ends with a lost update or a double apply.
 * Each body reads {@code x} and writes what it saw to {@code y} (or appends to {@code l}).
 */
class CommitPathBugFlagsTest {
    @TempDir
    Path dir;

    /** Commits through {@code inner}, first running {@code before} once (another transaction, say). */
    private static Committer onFirstCommit(Committer inner, Runnable before) {
        boolean[] done = {false};
        return new Committer() {
            @Override
            public ApplyResult commit(OperationGroup g) throws AmbiguousCommitException {
                if (!done[0]) {
                    done[0] = true;
                    before.run();
                }
                return inner.commit(g);
            }

            @Override
            public long readTimestamp() {
                return inner.readTimestamp();
            }
        };
    }

    private static final Function<Txn, Void> COPY_X_TO_Y = t -> {
        t.put(b("y"), b("saw " + s(t.get(b("x")))));
        return null;
    };

    private String readKeysLeaderOnly(boolean bug) {
        try (CoreFixture f = new CoreFixture(dir.resolve(String.valueOf(bug)))) {
            f.put("x", "0");
            // x changes after the body read it and before its group is applied (both in the log at once)
            Committer racing = onFirstCommit(f.committer, () -> f.put("x", "1"));
            Committer c = bug ? new ReadsCheckedBeforeProposal(f.store, racing) : racing;
            f.executor(c, RetryPolicy.defaults()).execute(COPY_X_TO_Y);
            return f.get("y");
        }
    }

    @Test
    void readKeysLeaderOnlyLosesTheUpdateTheApplyCheckWouldHaveCaught() {
        assertEquals("saw 1", readKeysLeaderOnly(false), "the correct engine conflicts at apply and re-reads x");
        assertEquals("saw 0", readKeysLeaderOnly(true), "the buggy one commits a read of x that was overwritten first");
    }

    private String retryNewSeq(boolean bug) {
        try (CoreFixture f = new CoreFixture(dir.resolve("r" + bug))) {
            // the first commit is applied, but its reply is lost (a leader killed after appending, say)
            boolean[] first = {true};
            Committer lossy = new Committer() {
                @Override
                public ApplyResult commit(OperationGroup g) throws AmbiguousCommitException {
                    ApplyResult r = f.committer.commit(g);
                    if (first[0]) {
                        first[0] = false;
                        throw new AmbiguousCommitException("reply lost", null);
                    }
                    return r;
                }

                @Override
                public long readTimestamp() {
                    return f.committer.readTimestamp();
                }
            };
            Committer c = bug ? new AmbiguousRetriedAsNew(lossy) : lossy;
            f.executor(c, RetryPolicy.defaults()).execute(t -> {
                String l = s(t.get(b("l")));
                t.put(b("l"), b((l == null ? "" : l) + "e"));
                return null;
            });
            return f.get("l");
        }
    }

    @Test
    void retryNewSeqAppliesAnAmbiguousAppendTwice() {
        assertEquals("e", retryNewSeq(false), "the identical group is re-submitted and de-duplicated");
        assertEquals("ee", retryNewSeq(true), "a fresh body appends again");
    }

    /**
     * exec-startts-ahead: a commit is stamped (ts2) but not yet applied when a body starts. The correct
     * snapshot is the applied watermark, below ts2, so the apply check sees x changed; the buggy one is a
     * fresh HLC value above ts2, so the body reads x without that write and nothing flags it.
     */
    private String snapshotAhead(boolean bug) throws Exception {
        try (CoreFixture f = new CoreFixture(dir.resolve("a" + bug))) {
            f.put("x", "0");
            CountDownLatch stamped = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            long[] ts2 = new long[1];
            CompletableFuture<ApplyResult> inFlight = CompletableFuture.supplyAsync(() -> {
                OperationGroup g = new OperationGroup(AsyncTxn.newGroupId(), f.applier.lastAppliedTs(), 0, java.util.List.of(),
                        java.util.List.of(), java.util.List.of(new Mutation.Put(b("x"), b("1"))));
                ts2[0] = f.hlc.next();
                stamped.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return f.applier.apply(g.withCommitTs(ts2[0]));
            });
            assertEquals(true, stamped.await(10, TimeUnit.SECONDS));
            // log order: the in-flight group applies first, then this one with a later ts
            Committer afterInFlight = new Committer() {
                @Override
                public ApplyResult commit(OperationGroup g) {
                    release.countDown();
                    inFlight.join();
                    return f.committer.commit(g);
                }

                @Override
                public long readTimestamp() {
                    return f.applier.lastAppliedTs();
                }
            };
            TxnExecutor ex = f.executor(afterInFlight, RetryPolicy.defaults());
            if (bug) ex = ex.withSnapshotSource(f.hlc::next);
            ex.execute(COPY_X_TO_Y);
            assertEquals(ApplyResult.Committed.class, inFlight.join().getClass());
            return f.get("y");
        }
    }

    @Test
    void execStartTsAheadMissesAStampedCommitAndStillCommits() throws Exception {
        assertEquals("saw 1", snapshotAhead(false));
        assertEquals("saw 0", snapshotAhead(true));
    }
}
