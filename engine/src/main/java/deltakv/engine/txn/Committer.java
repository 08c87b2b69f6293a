package deltakv.engine.txn;

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

    @Override
    default void close() {}
}
