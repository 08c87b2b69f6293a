package deltakv.engine.collections.maps;

import deltakv.engine.collections.KeyCodec;
import deltakv.engine.collections.KeyType;
import deltakv.engine.txn.Bytes;
import deltakv.engine.txn.KeyRange;
import java.util.Arrays;

/**
 * Layout of one field-map type (DELTA_DESIGN §3): a hash's fields, a set's members, a sorted set's
 * members. Every key carries the user key's length, so user keys are binary safe and one user key's
 * namespace is never a prefix of another's; the field is the rest of the key. No prefix below is a prefix
 * of another one (base {@code b|} and delta {@code d|} have their own discriminators).
 * <pre>
 *   !hs|meta|b| len key                    → LenBase (Len i64 [, fold mark])     wide column (delta; zset in rmw)
 *   !hs|meta|d| len key commitTs seqInTxn  → LenDelta i64                        delta variants only
 *   !hs|fld|    len key field              → value                              wide column
 *   !hs|blob|   len key                    → every field and value              rmw hash and set
 * </pre>
 * Sets use {@code !st|…} and {@code !st|mem|}, sorted sets {@code !zs|…}, {@code !zs|mem|} (member → score)
 * and their score index ({@link ScoreKeys}).
 */
public record MapKeys(KeyType type, byte[] base, byte[] delta, byte[] data, byte[] blob) {
    public static final MapKeys HASH = of(KeyType.HASH, "hs", "fld");
    public static final MapKeys SET = of(KeyType.SET, "st", "mem");
    public static final MapKeys ZSET = of(KeyType.ZSET, "zs", "mem");

    private static MapKeys of(KeyType type, String tag, String data) {
        String p = "!" + tag + "|";
        return new MapKeys(type, KeyCodec.ascii(p + "meta|b|"), KeyCodec.ascii(p + "meta|d|"), KeyCodec.ascii(p + data + "|"),
                KeyCodec.ascii(p + "blob|"));
    }

    public byte[] baseMeta(byte[] userKey) {
        return KeyCodec.framed(base, userKey);
    }

    /** Prefix handed to {@code putAtCommitTs}; the committer appends commitTs, we append seqInTxn. */
    public byte[] deltaPrefix(byte[] userKey) {
        return KeyCodec.framed(delta, userKey);
    }

    public KeyRange deltas(byte[] userKey) {
        return KeyRange.prefix(deltaPrefix(userKey));
    }

    /** Delta keys of {@code userKey} with a commit ts above {@code ts}: where every later writer's delta lands. */
    public KeyRange deltasCommittedAfter(byte[] userKey, long ts) {
        byte[] prefix = deltaPrefix(userKey);
        return new KeyRange(Bytes.concat(prefix, KeyCodec.u64(ts + 1)), Bytes.prefixEnd(prefix));
    }

    public byte[] field(byte[] userKey, byte[] field) {
        return Bytes.concat(KeyCodec.framed(data, userKey), field);
    }

    public KeyRange fields(byte[] userKey) {
        return KeyRange.prefix(KeyCodec.framed(data, userKey));
    }

    /** The field at the end of a key built by {@link #field}. */
    public byte[] fieldOf(byte[] fieldKey) {
        int at = data.length + 4 + KeyCodec.getInt(fieldKey, data.length);
        return Arrays.copyOfRange(fieldKey, at, fieldKey.length);
    }

    public byte[] blob(byte[] userKey) {
        return KeyCodec.framed(blob, userKey);
    }

    /** Every score-index entry of a sorted set (see {@link ScoreKeys}). */
    public static KeyRange scoreIndex(byte[] userKey) {
        return ScoreKeys.all(userKey);
    }

    public KeyRange deltaNamespace() {
        return KeyRange.prefix(delta);
    }

    public byte[] userKeyOfDelta(byte[] deltaKey) {
        return KeyCodec.userKeyOf(delta, deltaKey);
    }

    /** Whether a delta key carries the u64-max placeholder a Txn may show for its own uncommitted delta. */
    boolean isPendingDelta(byte[] deltaKey) {
        int at = delta.length + 4 + KeyCodec.getInt(deltaKey, delta.length);
        return deltaKey.length >= at + 8 && KeyCodec.getLong(deltaKey, at) == -1L;
    }
}
