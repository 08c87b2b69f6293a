package deltakv.engine.txn;

/**
 * One write of an operation group. Keys are internal keys (already encoded by the collections layer).
 * {@link PutAtCommitTs} exists because delta keys embed the commit timestamp, which only the
 * committer knows (it allocates commitTS in log order); the apply function fills it in
 * deterministically, so every replica writes the same key.
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
}
