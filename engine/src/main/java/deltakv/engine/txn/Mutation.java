package deltakv.engine.txn;

/**
 * One write of an operation group. Keys are internal keys (already encoded by the collections layer).
 * {@link PutAtCommitTs} exists because delta keys embed the commit timestamp, which only the
 * committer knows (it allocates commitTS in log order); the apply function fills it in
 * deterministically, so every replica writes the same key. {@link AtApply} goes one step further: the
 * whole write is decided by the state machine when it applies the group (see {@link ApplyTimeOps}).
 */
public sealed interface Mutation {
    /** Put {@code value} under {@code key}. */
    record Put(byte[] key, byte[] value) implements Mutation {}

    /** Delete {@code key} (writes a tombstone version at commitTS). */
    record Delete(byte[] key) implements Mutation {}

    /** Put under {@code prefix + u64be(commitTs) + suffix}; used for delta keys. */
    record PutAtCommitTs(byte[] prefix, byte[] suffix, byte[] value) implements Mutation {
        public byte[] keyAt(long commitTs) {
            byte[] k = new byte[prefix.length + 8 + suffix.length];
            System.arraycopy(prefix, 0, k, 0, prefix.length);
            for (int i = 0; i < 8; i++) k[prefix.length + i] = (byte) (commitTs >>> (56 - 8 * i));
            System.arraycopy(suffix, 0, k, prefix.length + 8, suffix.length);
            return k;
        }
    }

    /**
     * An operation the state machine evaluates when it applies the group, against the newest state, with
     * {@link ApplyTimeOps}; its output travels back in {@link ApplyResult.Committed#outputs()}. Nothing
     * about it is conflict-checked: the applier runs groups one at a time in log order, so the operation
     * cannot race anything (variant delta-cf: pushes and pops on a hot list).
     */
    record AtApply(byte[] op) implements Mutation {}
}
