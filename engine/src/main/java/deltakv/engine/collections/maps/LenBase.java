package deltakv.engine.collections.maps;

import deltakv.engine.collections.KeyCodec;
import deltakv.engine.txn.Bytes;
import deltakv.engine.txn.KeyRange;
import java.util.Arrays;

/**
 * A delta-variant collection's base meta as stored: {@code Len i64 [, foldMark: commitTs u64, seqInTxn u32]}.
 * The mark is the key suffix of the last delta the compactor folded, so reads scan only the live deltas
 * above it instead of one tombstone per delta ever written (the lists' {@code FoldMark}, same argument:
 * delta keys sort by commit ts and the compactor folds a prefix of the deltas visible at its snapshot).
 */
record LenBase(long len, byte[] mark) {
    static final int MARK_BYTES = 12;

    static LenBase decode(byte[] stored) {
        if (stored == null) return new LenBase(0, null);
        long len = KeyCodec.getLong(stored, 0);
        return new LenBase(len, stored.length >= 8 + MARK_BYTES ? Arrays.copyOfRange(stored, 8, 8 + MARK_BYTES) : null);
    }

    byte[] encode() {
        return mark == null ? KeyCodec.u64(len) : Bytes.concat(KeyCodec.u64(len), mark);
    }

    /** Deltas of {@code userKey} not yet folded into this base. */
    KeyRange liveDeltas(MapKeys keys, byte[] userKey) {
        KeyRange all = keys.deltas(userKey);
        if (mark == null) return all;
        // the smallest key above prefix+mark: every delta key of one collection has the same length
        return new KeyRange(Bytes.concat(keys.deltaPrefix(userKey), mark, new byte[] {0}), all.end());
    }

    static byte[] markOf(byte[] deltaKey) {
        return Arrays.copyOfRange(deltaKey, deltaKey.length - MARK_BYTES, deltaKey.length);
    }
}
