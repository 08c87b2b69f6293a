package deltakv.engine.collections;

import java.util.Arrays;

/**
 * The delta variant's base meta record as stored. The first 24 bytes are the design's (Head, Tail, Len);
 * the compactor appends what it learned, so that later work skips what is already done:
 * <pre>
 *   Head i64, Tail i64, Len i64                          (always; all the rmw variant writes)
 *   [ foldMark: commitTs u64, seqInTxn u32 ]             (last folded delta, see FoldMark)
 *   [ claimFloor i64, claimCeiling i64 ]                 (no live claim below the floor / at or above
 *                                                         the ceiling, outside [Head, Tail); see ClaimGc)
 * </pre>
 * Missing parts decode as "unknown": no mark (scan every delta), no bounds (scan every claim).
 */
record StoredBase(ListMeta meta, byte[] foldMark, long claimFloor, long claimCeiling) {
    static final long NO_FLOOR = Long.MIN_VALUE;
    static final long NO_CEILING = Long.MAX_VALUE;
    private static final int META = 24;
    private static final int MARKED = META + FoldMark.SUFFIX_BYTES;
    private static final int BOUNDED = MARKED + 16;

    static StoredBase decode(byte[] stored) {
        ListMeta m = ListMeta.decode(stored);
        if (stored == null || stored.length < MARKED) return new StoredBase(m, null, NO_FLOOR, NO_CEILING);
        byte[] mark = Arrays.copyOfRange(stored, META, MARKED);
        if (stored.length < BOUNDED) return new StoredBase(m, mark, NO_FLOOR, NO_CEILING);
        return new StoredBase(m, mark, KeyCodec.getLong(stored, MARKED), KeyCodec.getLong(stored, MARKED + 8));
    }

    byte[] encode() {
        boolean bounded = claimFloor != NO_FLOOR || claimCeiling != NO_CEILING;
        if (foldMark == null && !bounded) return meta.encode();
        byte[] out = Arrays.copyOf(meta.encode(), bounded ? BOUNDED : MARKED);
        // no mark yet: 12 zero bytes sort below every real delta key (commit timestamps are positive)
        if (foldMark != null) System.arraycopy(foldMark, 0, out, META, FoldMark.SUFFIX_BYTES);
        if (bounded) {
            KeyCodec.putLong(out, MARKED, claimFloor);
            KeyCodec.putLong(out, MARKED + 8, claimCeiling);
        }
        return out;
    }
}
