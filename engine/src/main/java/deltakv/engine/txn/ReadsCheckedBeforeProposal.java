package deltakv.engine.txn;

import deltakv.engine.storage.MvccStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code read-keys-leader-only} bug flag: the proposing node checks the group's read set against its
 * own applied state and then proposes the group without it, so the apply function checks only the written
 * keys. A transaction that commits between that check and this group's apply (both in flight in the Raft
 * log at once) changes what this one read, and nothing notices: lost updates and G2 cycles. The correct
 * engine carries the read set in the log entry and checks it at apply time ({@link ConflictCheck}).
 */
public final class ReadsCheckedBeforeProposal extends ForwardingCommitter {
    private final MvccStore store;

    public ReadsCheckedBeforeProposal(MvccStore store, Committer next) {
        super(next);
        this.store = store;
    }

    @Override
    public ApplyResult commit(OperationGroup group) throws AmbiguousCommitException {
        byte[] conflict = readConflict(group);
        return conflict != null ? new ApplyResult.Conflict(conflict) : next.commit(withoutReads(group));
    }

    @Override
    public CompletableFuture<ApplyResult> commitAsync(OperationGroup group) {
        byte[] conflict = readConflict(group);
        return conflict != null ? CompletableFuture.completedFuture(new ApplyResult.Conflict(conflict))
                : next.commitAsync(withoutReads(group));
    }

    private byte[] readConflict(OperationGroup g) {
        OperationGroup readsOnly = new OperationGroup(g.id(), g.startTs(), 0, g.readKeys(), g.readRanges(), List.of());
        return ConflictCheck.firstConflict(store, new PendingVersions(), readsOnly);
    }

    private static OperationGroup withoutReads(OperationGroup g) {
        return new OperationGroup(g.id(), g.startTs(), g.commitTs(), List.of(), List.of(), g.mutations());
    }
}
