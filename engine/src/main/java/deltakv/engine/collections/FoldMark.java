package deltakv.engine.collections;

import deltakv.engine.txn.Bytes;
import deltakv.engine.txn.KeyRange;
import java.util.Arrays;

/**
 * Where a list's live deltas start. The compactor appends to the base meta ({@link StoredBase}) the key
 * suffix ({@code commitTs u64, seqInTxn u32}) of the last delta it folded.
 * <p>
 * Why: a folded delta is deleted, but its tombstone stays in the store until version GC, and delta keys
 * are never reused (they embed the commit ts), so a scan from the start of the delta range walks one dead
 * version per delta ever written: every push, pop and read of a hot list got slower with its history.
 * <p>
 * Why starting after the mark is exact: delta keys sort by commit ts, and the compactor folds a prefix
 * (in key order) of the deltas visible at its snapshot; any delta it did not see commits later, with a
 * larger ts, so no live delta sorts at or below the mark. For conflict tracking nothing is lost either:
 * every later delta sorts above the mark, and the compactor and DEL write the base meta itself.
 */
final class FoldMark {
    static final int SUFFIX_BYTES = 12;

    private FoldMark() {}

    /** Deltas of {@code userKey} not yet folded into {@code storedBase} (null base: all of them). */
    static KeyRange liveDeltas(byte[] userKey, byte[] storedBase) {
        KeyRange all = ListKeys.deltaRange(userKey);
        byte[] mark = suffix(storedBase);
        if (mark == null) return all;
        // the smallest key above prefix+mark: all delta keys of one list have the same length
        return new KeyRange(Bytes.concat(ListKeys.deltaPrefix(userKey), mark, new byte[] {0}), all.end());
    }

    /** The mark of a stored base meta, or null if none (never compacted, or written by the rmw variant). */
    static byte[] suffix(byte[] storedBase) {
        return StoredBase.decode(storedBase).foldMark();
    }

    /** The mark for a folded delta key: its last 12 bytes. */
    static byte[] ofDeltaKey(byte[] deltaKey) {
        return Arrays.copyOfRange(deltaKey, deltaKey.length - SUFFIX_BYTES, deltaKey.length);
    }

    /** A mark above every delta committed at or below {@code ts} (only the multi-startts-base-only bug flag sets one). */
    static byte[] atSnapshot(long ts) {
        return Bytes.concat(KeyCodec.u64(ts), KeyCodec.u32(-1));
    }

    /** Base meta bytes for {@code meta}, carrying {@code mark} when there is one. */
    static byte[] encodeBase(ListMeta meta, byte[] mark) {
        return new StoredBase(meta, mark, StoredBase.NO_FLOOR, StoredBase.NO_CEILING).encode();
    }
}
