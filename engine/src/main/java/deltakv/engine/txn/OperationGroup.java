package deltakv.engine.txn;

import java.util.List;

/**
 * What a transaction asks the state machine to do: the unit the apply function checks and applies
 * atomically, and (Engine II) the unit carried in Raft log entries.
 *
 * @param id         client-chosen unique id, used to de-duplicate an ambiguous retry
 * @param startTs    snapshot the transaction read at
 * @param commitTs   allocated by the committer (0 until allocated)
 * @param readKeys   keys read and registered for conflicts
 * @param readRanges key ranges read and registered for conflicts
 * @param mutations  writes, applied in order
 */
public record OperationGroup(long id, long startTs, long commitTs, List<byte[]> readKeys,
                             List<KeyRange> readRanges, List<Mutation> mutations) {
    public OperationGroup withCommitTs(long ts) {
        return new OperationGroup(id, startTs, ts, readKeys, readRanges, mutations);
    }
}
