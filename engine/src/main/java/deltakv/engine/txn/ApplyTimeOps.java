package deltakv.engine.txn;

/**
 * Evaluates {@link Mutation.AtApply} operations inside the apply function. It must be deterministic (the
 * output and the writes depend only on the operation and {@code state}) and total (it must not throw:
 * an exception stops the state machine on every replica alike).
 */
@FunctionalInterface
public interface ApplyTimeOps {
    /**
     * @param op    the operation, as the data layer encoded it
     * @param state the newest state: the store overlaid with the writes of the groups (and operations)
     *              applied before this one in the same log entry; its writes land at the group's commit ts.
     *              Tracking calls are ignored and {@link Txn#startTs()} is the commit ts.
     * @return the output handed back to the transaction
     */
    byte[] evaluate(byte[] op, Txn state);

    /** For appliers of groups that never carry such operations (tests of the replication layer). */
    ApplyTimeOps NONE = (op, state) -> {
        throw new IllegalStateException("no evaluator for apply-time operations on this node");
    };
}
