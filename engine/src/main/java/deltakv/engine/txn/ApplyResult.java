package deltakv.engine.txn;

import java.util.List;

/** Outcome of applying one operation group. */
public sealed interface ApplyResult {
    /**
     * @param outputs one per {@link Mutation.AtApply} of the group, in order (empty for most groups); a
     *                de-duplicated re-submission gets the original outputs
     */
    record Committed(long commitTs, List<byte[]> outputs) implements ApplyResult {
        public Committed(long commitTs) {
            this(commitTs, List.of());
        }
    }

    /**
     * The conflict key of a group whose snapshot is older than version GC's retention: what it must be checked
     * against may be gone, so it is rejected as a conflict with no key in particular.
     */
    byte[] SNAPSHOT_TOO_OLD = new byte[0];

    /**
     * A version newer than startTs exists on {@code key} (a written key, a read key, or inside a read range);
     * {@link #SNAPSHOT_TOO_OLD} (empty) when the snapshot itself is too old to check.
     */
    record Conflict(byte[] key) implements ApplyResult {}

    /** commitTs not above the last applied one (log order must equal commit-ts order); retryable. */
    record StaleTimestamp(long commitTs, long lastApplied) implements ApplyResult {}
}
