package deltakv.engine.raft;

import java.util.Arrays;

/** Growable byte buffer for the replication wire format: varints for lengths, fixed u64 for timestamps. */
final class WireWriter {
    private byte[] buf;
    private int size;

    WireWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    WireWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    WireWriter u64(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) buf[size++] = (byte) (v >>> (56 - 8 * i));
        return this;
    }

    /** Unsigned LEB128; used for lengths and counts (small in practice, so usually one byte). */
    WireWriter varint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    WireWriter bytes(byte[] b) {
        varint(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /** A byte string that may be absent (unbounded range end). */
    WireWriter nullableBytes(byte[] b) {
        if (b == null) return u8(0);
        u8(1);
        return bytes(b);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int n) {
        if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    }
}
