package deltakv.engine.collections;

/**
 * A stored string: {@code u64 deadline (epoch ms, 0 = no expiry) + bytes}. The deadline is absolute so
 * every replica agrees on it; expiry is lazy (an expired value reads as absent).
 */
public record StringValue(long deadlineMs, byte[] bytes) {
    public static final long NO_EXPIRY = 0;

    public boolean expiredAt(long nowMs) {
        return deadlineMs != NO_EXPIRY && nowMs >= deadlineMs;
    }

    public byte[] encode() {
        byte[] out = new byte[8 + bytes.length];
        KeyCodec.putLong(out, 0, deadlineMs);
        System.arraycopy(bytes, 0, out, 8, bytes.length);
        return out;
    }

    public static StringValue decode(byte[] stored) {
        byte[] v = new byte[stored.length - 8];
        System.arraycopy(stored, 8, v, 0, v.length);
        return new StringValue(KeyCodec.getLong(stored, 0), v);
    }
}
