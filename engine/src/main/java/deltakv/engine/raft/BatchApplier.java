package deltakv.engine.raft;

import deltakv.engine.txn.ApplyResult;
import deltakv.engine.txn.OperationGroup;
import java.util.List;

/**
 * The deterministic apply function the replicated state machine drives (Engine I's
 * {@code StateMachineApplier} in a node): one result per group, in order, groups already stamped
 * with their commit timestamps;
 * {@code logIndex} is recorded with the results so a restart knows how far the store got.
 */
@FunctionalInterface
public interface BatchApplier {
    List<ApplyResult> applyBatch(List<OperationGroup> groups, long logIndex);
}
