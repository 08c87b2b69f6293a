package deltakv.engine.txn;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code retry-new-seq} bug flag: a commit whose outcome is unknown is reported as a conflict, so the
 * executor runs the body again on a fresh snapshot and commits a new group (new id, freshly computed list
 * positions). If the first group did commit, the push is applied twice: duplicated elements. The correct
 * engine re-submits the identical group, which the applier de-duplicates by its id ({@link TxnExecutor}).
 */
public final class AmbiguousRetriedAsNew extends ForwardingCommitter {
    /** Not a conflict on any key: counted as "(other)", not as the snapshot-too-old the empty key names. */
    private static final ApplyResult RETRY = new ApplyResult.Conflict("(ambiguous-retried-as-new)".getBytes(StandardCharsets.US_ASCII));

    public AmbiguousRetriedAsNew(Committer next) {
        super(next);
    }

    @Override
    public ApplyResult commit(OperationGroup group) {
        try {
            return next.commit(group);
        } catch (AmbiguousCommitException e) {
            return RETRY;
        }
    }

    @Override
    public CompletableFuture<ApplyResult> commitAsync(OperationGroup group) {
        return next.commitAsync(group).handle((r, err) -> {
            if (err == null) return CompletableFuture.completedFuture(r);
            if (Futures.cause(err) instanceof AmbiguousCommitException) return CompletableFuture.completedFuture(RETRY);
            return CompletableFuture.<ApplyResult>failedFuture(Futures.cause(err));
        }).thenCompose(f -> f);
    }
}
