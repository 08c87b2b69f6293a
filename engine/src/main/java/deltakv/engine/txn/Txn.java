package deltakv.engine.txn;

import java.util.List;
import java.util.function.Supplier;

/**
 * A transaction body's view of the store: everything is read at one snapshot ({@link #startTs()})
 * overlaid with the transaction's own pending writes. Tracked reads become read keys / read ranges
 * of the operation group, so the apply function can reject the commit if they changed.
 */
public interface Txn {
    long startTs();

    /** Point read, registered for conflicts. */
    byte[] get(byte[] key);

    /** Point read not registered for conflicts (e.g. base meta in the delta push flow). */
    byte[] getUntracked(byte[] key);

    /**
     * Range scan of {@code range} at the snapshot, own writes merged in, at most {@code limit} entries,
     * ascending or descending. When {@code track} is set the scanned range is registered for conflicts
     * (only the part actually covered when the limit cut the scan short).
     */
    List<KV> scan(KeyRange range, int limit, boolean reverse, boolean track);

    void put(byte[] key, byte[] value);

    void delete(byte[] key);

    /**
     * Put under {@code prefix + u64be(commitTs) + suffix} once the commit timestamp is known.
     * Not visible to this transaction's own reads: the key does not exist until commit.
     */
    void putAtCommitTs(byte[] prefix, byte[] suffix, byte[] value);

    /**
     * Leaves {@code op} to the state machine, which evaluates it when it applies this transaction (see
     * {@link Mutation.AtApply}); returns the index of its output among the transaction's. Invisible to
     * this transaction's own reads.
     */
    default int atApply(byte[] op) {
        throw new UnsupportedOperationException("this transaction cannot carry apply-time operations");
    }

    /**
     * Newest commit timestamp of any version (including deletes) in {@code range}, also beyond the
     * snapshot; 0 if none. Used by WATCH. Registers the range for conflicts.
     */
    long latestVersionTs(KeyRange range);

    void trackRead(byte[] key);

    void trackRange(KeyRange range);

    /**
     * This transaction's instance of {@code type}, made by {@code create} on first use: state a data
     * layer keeps for one attempt of a body (resolved metadata, deltas emitted but not committed). A
     * retried body runs on a new Txn, so nothing carries over between attempts.
     */
    <T> T local(Class<T> type, Supplier<T> create);

    /** A key/value pair returned by scans. */
    record KV(byte[] key, byte[] value) {}
}
