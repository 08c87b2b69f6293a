package deltakv.engine.collections;

import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;

/**
 * One namespace of delta records the {@link Compactor} folds (lists, hashes, sets, sorted sets): where its
 * deltas live and one bounded compaction transaction for one key.
 */
public interface DeltaFold {
    /** "list", "hash", "set", "zset": the name stats are reported under. */
    String type();

    /** Every delta key of this type. */
    KeyRange namespace();

    byte[] userKeyOf(byte[] deltaKey);

    /** The prefix of one key's deltas (unique across types, so it also names the key in single-flight maps). */
    byte[] deltaPrefix(byte[] userKey);

    /** One compaction transaction's work on {@code userKey}. */
    Result step(Txn txn, byte[] userKey);

    /** @param more whether another step is needed to finish the key */
    record Result(long deltasFolded, long claimsCollected, boolean more) {}
}
