package deltakv.engine.collections;

import deltakv.engine.txn.Bytes;
import deltakv.engine.txn.KeyRange;

/**
 * Layout of lists (DELTA_DESIGN §3). Base meta has its own discriminator ({@code b|}) so it is not a
 * prefix of the delta namespace; every key carries the user key length.
 * <pre>
 *   !lst|meta|b| len key                       → ListMeta (Head, Tail, Len)
 *   !lst|meta|d| len key commitTs seqInTxn     → ListDelta (HeadDelta, LenDelta)
 *   !lst|itm|    len key sortable(seq)         → element
 *   !lst|claim|  len key sortable(seq)         → claimer marker
 * </pre>
 */
public final class ListKeys {
    public static final byte[] BASE = KeyCodec.ascii("!lst|meta|b|");
    public static final byte[] DELTA = KeyCodec.ascii("!lst|meta|d|");
    public static final byte[] ITEM = KeyCodec.ascii("!lst|itm|");
    public static final byte[] CLAIM = KeyCodec.ascii("!lst|claim|");

    private ListKeys() {}

    public static byte[] baseMeta(byte[] userKey) {
        return KeyCodec.framed(BASE, userKey);
    }

    /** Prefix handed to {@code putAtCommitTs}; the committer appends commitTs, we append seqInTxn. */
    public static byte[] deltaPrefix(byte[] userKey) {
        return KeyCodec.framed(DELTA, userKey);
    }

    public static byte[] deltaSuffix(int seqInTxn) {
        return KeyCodec.u32(seqInTxn);
    }

    public static KeyRange deltaRange(byte[] userKey) {
        return KeyRange.prefix(deltaPrefix(userKey));
    }

    /** Delta keys of {@code userKey} with a commit ts above {@code ts}. */
    public static KeyRange deltasCommittedAfter(byte[] userKey, long ts) {
        byte[] prefix = deltaPrefix(userKey);
        return new KeyRange(Bytes.concat(prefix, KeyCodec.u64(ts + 1)), Bytes.prefixEnd(prefix));
    }

    public static byte[] item(byte[] userKey, long seq) {
        return Bytes.concat(KeyCodec.framed(ITEM, userKey), KeyCodec.u64(KeyCodec.sortable(seq)));
    }

    public static byte[] claim(byte[] userKey, long seq) {
        return Bytes.concat(KeyCodec.framed(CLAIM, userKey), KeyCodec.u64(KeyCodec.sortable(seq)));
    }

    public static KeyRange items(byte[] userKey) {
        return KeyRange.prefix(KeyCodec.framed(ITEM, userKey));
    }

    public static KeyRange claims(byte[] userKey) {
        return KeyRange.prefix(KeyCodec.framed(CLAIM, userKey));
    }

    /** Items with {@code from <= seq < to}. */
    public static KeyRange items(byte[] userKey, long from, long to) {
        return new KeyRange(item(userKey, from), item(userKey, to));
    }

    /** Claims with {@code from <= seq < to}. */
    public static KeyRange claims(byte[] userKey, long from, long to) {
        return new KeyRange(claim(userKey, from), claim(userKey, to));
    }

    /** The sequence at the end of an item or claim key. */
    public static long seqOf(byte[] itemOrClaimKey) {
        return KeyCodec.sortable(KeyCodec.getLong(itemOrClaimKey, itemOrClaimKey.length - 8));
    }

    /**
     * Whether a delta key carries the u64-max placeholder a Txn may use to show its own not-yet-committed
     * delta. We count pending deltas ourselves ({@code PendingDeltas}), so such keys are skipped.
     */
    public static boolean isPendingDelta(byte[] deltaKey) {
        int at = DELTA.length + 4 + KeyCodec.getInt(deltaKey, DELTA.length);
        return deltaKey.length >= at + 8 && KeyCodec.getLong(deltaKey, at) == -1L;
    }

    public static byte[] userKeyOfDelta(byte[] deltaKey) {
        return KeyCodec.userKeyOf(DELTA, deltaKey);
    }

    public static byte[] userKeyOfBase(byte[] baseKey) {
        return KeyCodec.userKeyOf(BASE, baseKey);
    }

    public static KeyRange baseNamespace() {
        return KeyRange.prefix(BASE);
    }

    public static KeyRange deltaNamespace() {
        return KeyRange.prefix(DELTA);
    }
}
