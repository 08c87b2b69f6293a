package deltakv.engine.txn;

import deltakv.engine.storage.MvccStore;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One transaction run without parking a thread: the loop of {@link TxnExecutor#execute} (snapshot,
 * body, commit, retry after a conflict, identical re-submit after an ambiguous commit), each step
 * continuing where the previous one completed. Why: a blocked worker per command costs ~4 thread
 * wake-ups each; here a read round or a batch reply continues all its waiters in one pass, and the
 * body runs on {@code bodies} (a client connection's event loop).
 *
 * <p>A command that may write first runs at the committer's unconfirmed snapshot (the leader's applied
 * watermark, no leadership round): if it writes, its commit validates every read and write, so the
 * snapshot only has to be complete locally. If it turned out not to write, its answer rests on reads
 * alone, so it runs again at a confirmed snapshot. After a conflict, retries use confirmed snapshots
 * too: a lagging view (a new leader still applying) would otherwise conflict again and again.
 */
final class AsyncTxn<T> {
    /** What every asynchronous transaction of one executor shares. */
    record Parts(MvccStore store, Committer committer, SnapshotRegistry snapshots, ConflictStats stats,
                 RetryPolicy policy, Supplier<CompletableFuture<Long>> readTs, Supplier<OptionalLong> unconfirmedTs,
                 Set<String> confirmedKinds) {}

    private final Parts p;
    private final Function<Txn, T> body;
    private final Executor bodies;
    private final Backoff backoff;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    /**
     * Whether the next attempt may use the unconfirmed snapshot: not for read-only commands, a body that
     * wrote nothing or read untracked, or after a conflict.
     */
    private boolean unconfirmedOk;
    private final String kind;

    /** @param kind the command (null for read-only ones); a kind whose bodies read untracked is remembered */
    AsyncTxn(Parts parts, Function<Txn, T> body, Executor bodies, String kind) {
        this.kind = kind;
        this.unconfirmedOk = kind != null && !parts.confirmedKinds().contains(kind);
        this.p = parts;
        this.body = body;
        this.bodies = bodies;
        this.backoff = parts.policy().start();
    }

    CompletableFuture<T> start() {
        attempt();
        return result;
    }

    private void attempt() {
        OptionalLong fast = unconfirmedOk ? p.unconfirmedTs().get() : OptionalLong.empty();
        if (fast.isPresent()) {
            runOn(fast.getAsLong(), false);
            return;
        }
        CompletableFuture<Long> ts;
        try {
            ts = p.readTs().get();
        } catch (RuntimeException e) {
            ts = CompletableFuture.failedFuture(e);
        }
        ts.whenComplete((t, err) -> {
            if (err != null) {
                result.completeExceptionally(Futures.cause(err));
                return;
            }
            runOn(t, true);
        });
    }

    private void runOn(long ts, boolean confirmed) {
        try {
            bodies.execute(() -> runBody(ts, confirmed));
        } catch (RejectedExecutionException e) { // the connection's loop is shutting down (TRYAGAIN)
            result.completeExceptionally(e);
        }
    }

    private void runBody(long ts, boolean confirmed) {
        SnapshotRegistry.Snapshot snap = p.snapshots().openAt(ts);
        if (snap == null) { // version GC passed this timestamp meanwhile: take a fresh one
            attempt();
            return;
        }
        SnapshotTxn txn = new SnapshotTxn(p.store(), ts);
        T value;
        NonBlocking.enter();
        try {
            value = body.apply(txn);
        } catch (ConflictException e) {
            snap.close();
            conflict(e.key() == null ? ConflictStats.UNNAMED : e.key());
            return;
        } catch (Throwable e) { // an Error too: the snapshot must not stay registered, the caller must hear
            snap.close();
            result.completeExceptionally(e);
            return;
        } finally {
            NonBlocking.exit();
        }
        if (!confirmed && (txn.readUntracked() || !txn.hasWrites())) {
            // The check at commit sees neither untracked reads (e.g. a delta list's length) nor the reads
            // of a body that wrote nothing, so the answer may rest on this snapshot alone: it needs a
            // confirmed one. A command that reads untracked skips the unconfirmed snapshot from now on.
            snap.close();
            if (txn.readUntracked()) p.confirmedKinds().add(kind);
            unconfirmedOk = false;
            attempt();
            return;
        }
        if (!txn.hasWrites()) {
            snap.close();
            result.complete(value);
            return;
        }
        commit(snap, txn.toGroup(newGroupId()), value, 0);
    }

    /** The snapshot stays registered until the outcome is known: the apply-time check reads above it. */
    private void commit(SnapshotRegistry.Snapshot snap, OperationGroup group, T value, int attempt) {
        p.committer().commitAsync(group).whenComplete((r, err) -> {
            if (err != null) {
                Throwable cause = Futures.cause(err);
                if (cause instanceof AmbiguousCommitException) {
                    p.stats().ambiguous();
                    if (attempt < p.policy().ambiguousResubmits()) {
                        commit(snap, group, value, attempt + 1); // identical group: de-duplicated if applied
                        return;
                    }
                    p.stats().outcomeUnknown();
                    cause = new OutcomeUnknownException("commit outcome unknown: " + cause.getMessage(), cause);
                }
                snap.close();
                result.completeExceptionally(cause);
                return;
            }
            snap.close();
            if (r instanceof ApplyResult.Committed c) {
                p.stats().committed();
                result.complete(ResolvedAtApply.finish(value, c));
            } else {
                conflict(r instanceof ApplyResult.Conflict c ? c.key() : null);
            }
        });
    }

    private void conflict(byte[] key) {
        unconfirmedOk = false;
        p.stats().conflict(key);
        long pause = backoff.nextPauseNanos();
        if (pause < 0) {
            p.stats().gaveUp();
            result.completeExceptionally(new TooManyConflictsException(backoff.attempts(), backoff.elapsedMillis(),
                    ConflictStats.label(key)));
            return;
        }
        p.stats().retry(key);
        CompletableFuture.delayedExecutor(pause, TimeUnit.NANOSECONDS, Runnable::run).execute(this::attempt);
    }

    static long newGroupId() {
        long id;
        do id = ThreadLocalRandom.current().nextLong(); while (id == 0);
        return id;
    }
}
