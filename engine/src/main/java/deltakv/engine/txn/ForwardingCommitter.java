package deltakv.engine.txn;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Committer} that passes everything to another one; a decorator overrides what it changes (the
 * bug flags {@code read-keys-leader-only} and {@code retry-new-seq} change how groups are committed).
 */
public abstract class ForwardingCommitter implements Committer {
    protected final Committer next;

    protected ForwardingCommitter(Committer next) {
        this.next = next;
    }

    @Override
    public ApplyResult commit(OperationGroup group) throws AmbiguousCommitException {
        return next.commit(group);
    }

    @Override
    public CompletableFuture<ApplyResult> commitAsync(OperationGroup group) {
        return next.commitAsync(group);
    }

    @Override
    public long readTimestamp() {
        return next.readTimestamp();
    }

    @Override
    public CompletableFuture<Long> readTimestampAsync() {
        return next.readTimestampAsync();
    }

    @Override
    public OptionalLong unconfirmedReadTimestamp() {
        return next.unconfirmedReadTimestamp();
    }

    @Override
    public void close() {
        next.close();
    }
}
