package deltakv.engine.raft;

import deltakv.engine.txn.AmbiguousCommitException;
import deltakv.engine.txn.ApplyResult;
import deltakv.engine.txn.Committer;
import deltakv.engine.txn.Futures;
import deltakv.engine.txn.OperationGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.LongUnaryOperator;

/**
 * Commits operation groups through the Raft log. Callers enqueue; one {@link BatchSubmitter}
 * thread drains the queue into batches (one log entry each), so concurrent commits share a Raft
 * round trip. Works on any member: the Ratis client routes each batch to the leader, which stamps
 * commit timestamps at append time. A group rejected for a stale timestamp (leader changed between
 * stamping and applying) is re-submitted with the same id.
 */
public final class RaftCommitter implements Committer {
    private static final int STALE_RETRIES = 5;

    private final BatchSubmitter submitter;
    private final ReadBarrier reads;
    private final long timeoutMillis;
    private final ReplicationStats stats;
    private final BooleanSupplier staleReads;
    private final AppliedWatermark local;
    private final BooleanSupplier leader;
    private final LongUnaryOperator snapshotTs;

    /**
     * @param snapshotTs the read timestamp handed to transactions, from the confirmed one: the identity, or
     *                   with the {@code snapshot-from-hlc} bug flag max(it, HLC now), ahead of applied state
     */
    RaftCommitter(BatchSubmitter submitter, ReadBarrier reads, long timeoutMillis, ReplicationStats stats,
                  BooleanSupplier staleReads, AppliedWatermark local, BooleanSupplier leader, LongUnaryOperator snapshotTs) {
        this.leader = leader;
        this.snapshotTs = snapshotTs;
        this.submitter = submitter;
        this.reads = reads;
        this.timeoutMillis = timeoutMillis;
        this.stats = stats;
        this.staleReads = staleReads;
        this.local = local;
    }

    @Override
    public ApplyResult commit(OperationGroup group) throws AmbiguousCommitException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (int attempt = 0; ; attempt++) {
            ApplyResult r = await(submitter.submit(group.withCommitTs(0)), deadline);
            if (!(r instanceof ApplyResult.StaleTimestamp) || attempt >= STALE_RETRIES) return r;
            stats.staleRetries.incrementAndGet();
        }
    }

    /**
     * {@link #commit} without blocking: continues on the thread that completes the batch. The batch
     * itself times out after the commit timeout (see {@code RaftReplica}), so no timer per group.
     */
    @Override
    public CompletableFuture<ApplyResult> commitAsync(OperationGroup group) {
        CompletableFuture<ApplyResult> out = new CompletableFuture<>();
        submitAsync(group, 0, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis), out);
        return out;
    }

    /** Like {@link #commit}: stale-timestamp re-submits stay within one commit timeout. */
    private void submitAsync(OperationGroup group, int attempt, long deadline, CompletableFuture<ApplyResult> out) {
        submitter.submit(group.withCommitTs(0)).whenComplete((r, err) -> {
            if (err != null) {
                Throwable cause = Futures.cause(err);
                if (cause instanceof ClusterUnavailableException) {
                    out.completeExceptionally(cause);
                    return;
                }
                stats.ambiguous.incrementAndGet();
                out.completeExceptionally(new AmbiguousCommitException("commit outcome unknown: "
                        + (cause instanceof TimeoutException ? "no reply within " + timeoutMillis + " ms"
                        : ReadBarrier.rootMessage(cause)), cause));
            } else if (r instanceof ApplyResult.StaleTimestamp && attempt < STALE_RETRIES
                    && System.nanoTime() < deadline) {
                stats.staleRetries.incrementAndGet();
                submitAsync(group, attempt + 1, deadline, out);
            } else {
                out.complete(r);
            }
        });
    }

    /** On the leader: its applied watermark, which holds every write it acknowledged. */
    @Override
    public java.util.OptionalLong unconfirmedReadTimestamp() {
        return leader.getAsBoolean() ? java.util.OptionalLong.of(snapshotTs.applyAsLong(local.current()))
                : java.util.OptionalLong.empty();
    }

    @Override
    public CompletableFuture<Long> readTimestampAsync() {
        if (staleReads.getAsBoolean()) return CompletableFuture.completedFuture(local.current());
        return reads.awaitAsync().thenApply(snapshotTs::applyAsLong);
    }

    private ApplyResult await(CompletableFuture<ApplyResult> f, long deadline) throws AmbiguousCommitException {
        try {
            return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ClusterUnavailableException cu) throw cu;
            stats.ambiguous.incrementAndGet();
            throw new AmbiguousCommitException("commit outcome unknown: " + ReadBarrier.rootMessage(cause), cause);
        } catch (TimeoutException e) {
            stats.ambiguous.incrementAndGet();
            throw new AmbiguousCommitException("commit outcome unknown: no reply within " + timeoutMillis + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stats.ambiguous.incrementAndGet();
            throw new AmbiguousCommitException("commit outcome unknown: interrupted", e);
        }
    }

    @Override
    public long readTimestamp() {
        if (staleReads.getAsBoolean()) return local.current(); // only with the stale-follower-read bug flag
        return snapshotTs.applyAsLong(reads.await());
    }

    @Override
    public void close() {
        submitter.close();
    }

    /** Submits many groups without waiting one by one (tests use it to exercise batching). */
    List<CompletableFuture<ApplyResult>> submitAll(List<OperationGroup> groups) {
        List<CompletableFuture<ApplyResult>> out = new ArrayList<>(groups.size());
        for (OperationGroup g : groups) out.add(submitter.submit(g));
        return out;
    }
}
