package deltakv.engine.raft;

import deltakv.engine.txn.ApplyResult;
import deltakv.engine.txn.OperationGroup;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.apache.ratis.util.LifeCycle;

/**
 * The Raft state machine of a DeltaKV node. Each log entry is a batch of operation groups
 * ({@link BatchCodec}); applying it runs the deterministic apply function on every replica.
 *
 * <p>Commit timestamps are stamped in {@link #preAppendTransaction}, which Ratis calls on the
 * leader under the log's write lock in log order, so log order = commit-ts order by construction.
 * Writes reach a new leader only once it is "ready" (everything from earlier terms applied, hence
 * observed by its HLC), so its timestamps are above every earlier entry's.
 */
public final class DeltaStateMachine extends BaseStateMachine {
    private final BatchApplier applier;
    private final LongConsumer observe;
    private final LongSupplier nextTs;
    private final AppliedWatermark watermark;
    private final ReplicationStats stats;
    private final SnapshotSupport snapshots;

    /**
     * @param observe the node's HLC observe (every applied commit ts goes through it)
     * @param nextTs  the node's HLC next (stamps commit timestamps on the leader)
     */
    public DeltaStateMachine(BatchApplier applier, LongConsumer observe, LongSupplier nextTs,
                             AppliedWatermark watermark, ReplicationStats stats, SnapshotSupport snapshots) {
        this.applier = applier;
        this.observe = observe;
        this.nextTs = nextTs;
        this.watermark = watermark;
        this.stats = stats;
        this.snapshots = snapshots;
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage storage) throws IOException {
        super.initialize(server, groupId, storage);
        getLifeCycle().startAndTransition(() -> {
            snapshots.init(storage);
            restore();
        }, IOException.class);
    }

    /** Ratis pauses us before it swaps in an installed snapshot, then calls {@link #reinitialize()}. */
    @Override
    public void pause() {
        if (getLifeCycleState() == LifeCycle.State.RUNNING) {
            getLifeCycle().transition(LifeCycle.State.PAUSING);
            getLifeCycle().transition(LifeCycle.State.PAUSED);
        }
    }

    @Override
    public void reinitialize() throws IOException {
        // Called after a snapshot was installed from the leader: the store must become that snapshot.
        restore();
        if (getLifeCycleState() == LifeCycle.State.PAUSED) {
            getLifeCycle().transition(LifeCycle.State.STARTING);
            getLifeCycle().transition(LifeCycle.State.RUNNING);
        }
    }

    /**
     * The store becomes the latest snapshot if it is behind it. The HLC then observes the snapshot's applied
     * ts as it observes every applied commit: a node that catches up by a snapshot and is elected next must
     * still stamp commits above everything in the log (or, on a lagging clock, every commit is stale until its
     * wall clock catches up).
     */
    private void restore() throws IOException {
        var latest = snapshots.restoreIfNeeded();
        if (latest != null) setLastAppliedTermIndex(latest);
        observe.accept(watermark.current());
        watermark.advanced();
    }

    @Override
    public StateMachineStorage getStateMachineStorage() {
        return snapshots.storage();
    }

    @Override
    public long takeSnapshot() throws IOException {
        // Ratis calls this between applies, so the store holds exactly what was applied up to here.
        return snapshots.take(getLastAppliedTermIndex());
    }

    @Override
    public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
        // A private copy: its timestamp header is stamped in place at append time.
        byte[] entry = request.getMessage().getContent().toByteArray();
        BatchCodec.decode(entry); // reject malformed batches before they reach the log
        return TransactionContext.newBuilder()
                .setStateMachine(this)
                .setClientRequest(request)
                .setLogData(UnsafeByteOperations.unsafeWrap(entry))
                .setStateMachineContext(entry)
                .build();
    }

    @Override
    public TransactionContext preAppendTransaction(TransactionContext trx) throws IOException {
        BatchCodec.stamp((byte[]) trx.getStateMachineContext(), nextTs);
        return trx;
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        LogEntryProto e = trx.getLogEntry();
        long t0 = System.nanoTime();
        byte[] entry = e.getStateMachineLogEntry().getLogData().toByteArray();
        List<OperationGroup> groups;
        try {
            groups = BatchCodec.decode(entry);
        } catch (MalformedEntryException ex) {
            // Cannot happen for entries we appended (validated in startTransaction); skip, never crash.
            updateLastAppliedTermIndex(e.getTerm(), e.getIndex());
            return CompletableFuture.failedFuture(ex);
        }
        for (OperationGroup g : groups) observe.accept(g.commitTs());
        List<ApplyResult> results = applier.applyBatch(groups, e.getIndex());
        count(results);
        updateLastAppliedTermIndex(e.getTerm(), e.getIndex());
        watermark.advanced();
        stats.applyNanos.addAndGet(System.nanoTime() - t0);
        return CompletableFuture.completedFuture(
                Message.valueOf(UnsafeByteOperations.unsafeWrap(ResultCodec.encode(results))));
    }

    @Override
    public CompletableFuture<Message> query(Message request) {
        if (!WatermarkQuery.isRequest(request)) {
            return CompletableFuture.failedFuture(new MalformedEntryException("unknown query"));
        }
        return CompletableFuture.completedFuture(WatermarkQuery.reply(watermark.current()));
    }

    private void count(List<ApplyResult> results) {
        stats.entriesApplied.incrementAndGet();
        for (ApplyResult r : results) {
            if (r instanceof ApplyResult.Committed) stats.groupsCommitted.incrementAndGet();
            else if (r instanceof ApplyResult.Conflict) stats.groupsConflicted.incrementAndGet();
            else stats.groupsStale.incrementAndGet();
        }
    }
}
