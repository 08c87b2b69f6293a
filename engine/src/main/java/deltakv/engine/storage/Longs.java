package deltakv.engine.storage;

/** Big-endian u64 encoding for metadata values. */
public final class Longs {
    private Longs() {}

    public static byte[] toBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (56 - 8 * i));
        return b;
    }

    public static long fromBytes(byte[] b) {
        if (b.length != 8) throw new StorageException("expected an 8-byte number, got " + b.length + " bytes");
        long v = 0;
        for (byte x : b) v = (v << 8) | (x & 0xFF);
        return v;
    }
}
