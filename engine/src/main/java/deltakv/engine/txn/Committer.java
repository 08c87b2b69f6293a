package deltakv.engine.txn;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Allocates a commit timestamp for a group, gets it applied by the state machine and reports the
 * outcome. Engine I: {@code LocalCommitter} applies directly; Engine II: a Raft-backed committer.
 */
public interface Committer extends AutoCloseable {
    /**
     * @throws AmbiguousCommitException if the outcome is unknown (leader lost after proposing)
     */
    ApplyResult commit(OperationGroup group) throws AmbiguousCommitException;

    /** A snapshot timestamp safe to read at: every commit at or below it is applied locally. */
    long readTimestamp();

    /**
     * {@link #commit} without blocking the caller; fails with {@link AmbiguousCommitException} when the
     * outcome is unknown. The default runs {@link #commit} in the calling thread (a local committer
     * applies at once).
     */
    default CompletableFuture<ApplyResult> commitAsync(OperationGroup group) {
        try {
            return CompletableFuture.completedFuture(commit(group));
        } catch (AmbiguousCommitException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** {@link #readTimestamp} without blocking the caller; the default calls it in the calling thread. */
    default CompletableFuture<Long> readTimestampAsync() {
        try {
            return CompletableFuture.completedFuture(readTimestamp());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * A snapshot timestamp that is complete locally but whose leadership was not confirmed, or empty
     * if this committer has none worth using (then use {@link #readTimestamp}). Safe only for a
     * transaction that commits: apply-time validation checks its every read and write against the
     * commit ts, and a deposed leader cannot commit (see docs/replication.md, "Reads").
     */
    default OptionalLong unconfirmedReadTimestamp() {
        return OptionalLong.empty();
    }

    @Override
    default void close() {}
}
