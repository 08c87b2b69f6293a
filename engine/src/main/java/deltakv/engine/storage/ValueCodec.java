package deltakv.engine.storage;

import java.util.Arrays;

/** Stored value = one tag byte (put or tombstone) + the user value, so deletes are versions too. */
final class ValueCodec {
    private static final byte TOMBSTONE = 0;
    private static final byte PUT = 1;
    private static final byte[] TOMBSTONE_BYTES = {TOMBSTONE};

    private ValueCodec() {}

    static byte[] put(byte[] value) {
        byte[] out = new byte[value.length + 1];
        out[0] = PUT;
        System.arraycopy(value, 0, out, 1, value.length);
        return out;
    }

    static byte[] tombstone() {
        return TOMBSTONE_BYTES;
    }

    static boolean isTombstone(byte[] stored) {
        return stored[0] == TOMBSTONE;
    }

    /** The user value, or null for a tombstone. */
    static byte[] value(byte[] stored) {
        return isTombstone(stored) ? null : Arrays.copyOfRange(stored, 1, stored.length);
    }
}
