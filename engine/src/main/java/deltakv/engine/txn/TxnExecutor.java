package deltakv.engine.txn;

import deltakv.engine.storage.MvccStore;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs transaction bodies with optimistic concurrency: snapshot at the committer's read timestamp,
 * body on a {@link Txn}, commit of the resulting operation group, whole-body retry with backoff on
 * a conflict or stale timestamp. An ambiguous commit is never retried with a new body (that could
 * apply the writes twice); the identical group (same id, de-duplicated by the applier) is.
 *
 * <pre>
 *   loop: snapshot ─► body(txn) ─► read-only? return ─► commit(group)
 *           ▲                                              │ Committed  → return
 *           └──── backoff ◄── Conflict / StaleTimestamp ◄──┤ Ambiguous  → resubmit same group
 * </pre>
 */
public final class TxnExecutor {
    private final MvccStore store;
    private final Committer committer;
    private final SnapshotRegistry snapshots;
    private final ConflictStats stats;
    private final RetryPolicy policy;
    private final LongSupplier snapshotSource;
    private final AsyncTxn.Parts async;

    public TxnExecutor(MvccStore store, Committer committer, SnapshotRegistry snapshots, ConflictStats stats,
                       RetryPolicy policy) {
        this(store, committer, snapshots, stats, policy, committer::readTimestamp, committer::readTimestampAsync,
                committer::unconfirmedReadTimestamp);
    }

    private TxnExecutor(MvccStore store, Committer committer, SnapshotRegistry snapshots, ConflictStats stats,
                        RetryPolicy policy, LongSupplier snapshotSource,
                        Supplier<CompletableFuture<Long>> asyncSource, Supplier<OptionalLong> unconfirmedSource) {
        this.store = store;
        this.committer = committer;
        this.snapshots = snapshots;
        this.stats = stats;
        this.policy = policy;
        this.snapshotSource = snapshotSource;
        this.async = new AsyncTxn.Parts(store, committer, snapshots, stats, policy, asyncSource, unconfirmedSource,
                ConcurrentHashMap.newKeySet());
    }

    public TxnExecutor(MvccStore store, Committer committer, SnapshotRegistry snapshots, ConflictStats stats) {
        this(store, committer, snapshots, stats, RetryPolicy.defaults());
    }

    /**
     * Runs {@code body} until it commits (or reads only) and returns its result.
     *
     * @throws TooManyConflictsException if it kept conflicting (nothing was written)
     * @throws OutcomeUnknownException   if a commit was ambiguous and re-submitting did not settle it
     */
    public <T> T execute(Function<Txn, T> body) {
        Backoff backoff = policy.start();
        while (true) {
            byte[] conflictKey;
            try (SnapshotRegistry.Snapshot snap = snapshots.open(snapshotSource)) {
                SnapshotTxn txn = new SnapshotTxn(store, snap.ts());
                T result = body.apply(txn);
                if (!txn.hasWrites()) return result;
                ApplyResult r = commit(txn.toGroup(AsyncTxn.newGroupId()));
                if (r instanceof ApplyResult.Committed c) {
                    stats.committed();
                    return ResolvedAtApply.finish(result, c);
                }
                conflictKey = r instanceof ApplyResult.Conflict c ? c.key() : null;
            } catch (ConflictException e) {
                conflictKey = e.key() == null ? ConflictStats.UNNAMED : e.key();
            }
            stats.conflict(conflictKey);
            if (!backoff.pause()) {
                stats.gaveUp();
                throw new TooManyConflictsException(backoff.attempts(), backoff.elapsedMillis(),
                        ConflictStats.label(conflictKey));
            }
            stats.retry(conflictKey);
        }
    }

    /**
     * {@link #execute} without parking the calling thread: the same retry and re-submit rules, the body
     * run on {@code bodies}; a command that may write ({@code writeKind}: its name; null for read-only
     * commands) first tries the committer's unconfirmed snapshot (see {@link AsyncTxn}). The future fails
     * with the exceptions {@link #execute} throws.
     */
    public <T> CompletableFuture<T> executeAsync(Function<Txn, T> body, Executor bodies, String writeKind) {
        return new AsyncTxn<>(async, body, bodies, writeKind).start();
    }

    /**
     * The same executor taking snapshots from {@code source} instead of the committer's read timestamp.
     * Only for the bug flags that reproduce wrong snapshot choices (snapshot-from-hlc,
     * exec-startts-ahead); a correct engine never calls this.
     */
    public TxnExecutor withSnapshotSource(LongSupplier source) {
        return new TxnExecutor(store, committer, snapshots, stats, policy, source, () -> {
            try {
                return CompletableFuture.completedFuture(source.getAsLong());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }, OptionalLong::empty); // the replaced source decides every snapshot
    }

    /**
     * Registers a snapshot at the current read timestamp and keeps it until closed, so version GC
     * keeps every version (tombstones included) above it. For WATCH: a watch held longer than the
     * GC retention window could otherwise miss a delete whose tombstone was already collected.
     */
    public SnapshotRegistry.Snapshot pinSnapshot() {
        return snapshots.open(committer::readTimestamp);
    }

    /** The snapshot a transaction starting now would read at (e.g. WATCH's reference point). */
    public long readTimestamp() {
        return committer.readTimestamp();
    }

    private ApplyResult commit(OperationGroup group) {
        for (int attempt = 0; ; attempt++) {
            try {
                return committer.commit(group);
            } catch (AmbiguousCommitException e) {
                stats.ambiguous();
                if (attempt >= policy.ambiguousResubmits()) {
                    stats.outcomeUnknown();
                    throw new OutcomeUnknownException("commit outcome unknown: " + e.getMessage(), e);
                }
            }
        }
    }
}
