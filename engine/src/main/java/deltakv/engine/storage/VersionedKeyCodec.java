package deltakv.engine.storage;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Maps (internal key, commit ts) to one RocksDB key such that byte order = (key ascending, ts
 * descending) and all versions of one key are adjacent.
 *
 * <pre>
 *   escaped(key) 0x00 0x01 ~ts(8 bytes big-endian)
 *   escaped: every 0x00 becomes 0x00 0xFF, so the 0x00 0x01 terminator sorts below any
 *   continuation of the key and no key's versions interleave with a longer key's versions.
 * </pre>
 */
public final class VersionedKeyCodec {
    private static final int TS_BYTES = 8;

    private VersionedKeyCodec() {}

    /** The RocksDB key of {@code key}'s version at {@code ts}. */
    public static byte[] encode(byte[] key, long ts) {
        byte[] prefix = versionPrefix(key);
        byte[] out = Arrays.copyOf(prefix, prefix.length + TS_BYTES);
        putTs(out, ts);
        return out;
    }

    /** The same key's version at {@code ts}, without decoding the key. */
    static byte[] withTs(byte[] encoded, long ts) {
        byte[] out = encoded.clone();
        putTs(out, ts);
        return out;
    }

    /** Inverted, so newer versions sort first. */
    private static void putTs(byte[] out, long ts) {
        long inv = ~ts;
        int at = out.length - TS_BYTES;
        for (int i = 0; i < TS_BYTES; i++) out[at + i] = (byte) (inv >>> (56 - 8 * i));
    }

    /** Common prefix of all versions of {@code key}; also the smallest RocksDB key of any of them. */
    public static byte[] versionPrefix(byte[] key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(key.length + 2 + TS_BYTES);
        for (byte b : key) {
            out.write(b);
            if (b == 0) out.write(0xFF);
        }
        out.write(0x00);
        out.write(0x01);
        return out.toByteArray();
    }

    /** A RocksDB key above every version of {@code key} and below every version of any greater key. */
    public static byte[] versionsEnd(byte[] key) {
        byte[] prefix = versionPrefix(key);
        prefix[prefix.length - 1] = 0x02;
        return prefix;
    }

    /** The internal key of an encoded version. */
    public static byte[] decodeKey(byte[] encoded) {
        int end = checkedPrefixLength(encoded);
        ByteArrayOutputStream out = new ByteArrayOutputStream(end);
        for (int i = 0; i < end - 2; i++) {
            out.write(encoded[i]);
            if (encoded[i] == 0) i++; // skip the 0xFF escape
        }
        return out.toByteArray();
    }

    /** The commit timestamp of an encoded version. */
    public static long decodeTs(byte[] encoded) {
        int at = checkedPrefixLength(encoded);
        long inv = 0;
        for (int i = 0; i < TS_BYTES; i++) inv = (inv << 8) | (encoded[at + i] & 0xFF);
        return ~inv;
    }

    /** True if {@code encoded} and {@code other} are versions of the same internal key. */
    public static boolean sameKey(byte[] encoded, byte[] other) {
        int n = encoded.length - TS_BYTES;
        return n == other.length - TS_BYTES && Arrays.equals(encoded, 0, n, other, 0, n);
    }

    /** True if {@code encoded} is a version whose key has version prefix {@code prefix}. */
    public static boolean hasPrefix(byte[] encoded, byte[] prefix) {
        return encoded.length == prefix.length + TS_BYTES
                && Arrays.equals(encoded, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int checkedPrefixLength(byte[] encoded) {
        int n = encoded.length - TS_BYTES;
        if (n < 2 || encoded[n - 2] != 0 || encoded[n - 1] != 1) {
            throw new StorageException("malformed versioned key of length " + encoded.length);
        }
        return n;
    }
}
