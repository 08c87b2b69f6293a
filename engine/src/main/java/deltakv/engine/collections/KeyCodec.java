package deltakv.engine.collections;

import java.nio.charset.StandardCharsets;

/** Big-endian integer encoding and the {@code prefix + u32(len) + userKey} framing every layout shares. */
public final class KeyCodec {
    private KeyCodec() {}

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code prefix + u32(len(userKey)) + userKey}: the length makes user keys binary safe and prefix-free. */
    public static byte[] framed(byte[] prefix, byte[] userKey) {
        byte[] out = new byte[prefix.length + 4 + userKey.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        putInt(out, prefix.length, userKey.length);
        System.arraycopy(userKey, 0, out, prefix.length + 4, userKey.length);
        return out;
    }

    /** The user key inside a key built by {@link #framed} (possibly followed by a suffix). */
    public static byte[] userKeyOf(byte[] prefix, byte[] internalKey) {
        int len = getInt(internalKey, prefix.length);
        byte[] out = new byte[len];
        System.arraycopy(internalKey, prefix.length + 4, out, 0, len);
        return out;
    }

    /** Maps a signed sequence to an unsigned order-preserving value (negative sequences sort first). */
    public static long sortable(long seq) {
        return seq ^ Long.MIN_VALUE;
    }

    public static byte[] u64(long v) {
        byte[] b = new byte[8];
        putLong(b, 0, v);
        return b;
    }

    public static byte[] u32(int v) {
        byte[] b = new byte[4];
        putInt(b, 0, v);
        return b;
    }

    public static void putLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) b[at + i] = (byte) (v >>> (56 - 8 * i));
    }

    public static long getLong(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (b[at + i] & 0xFF);
        return v;
    }

    public static void putInt(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) b[at + i] = (byte) (v >>> (24 - 8 * i));
    }

    public static int getInt(byte[] b, int at) {
        int v = 0;
        for (int i = 0; i < 4; i++) v = (v << 8) | (b[at + i] & 0xFF);
        return v;
    }
}
