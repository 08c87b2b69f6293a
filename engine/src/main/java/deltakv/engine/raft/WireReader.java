package deltakv.engine.raft;

/** Reads what {@link WireWriter} wrote; any overrun or malformed value is a {@link MalformedEntryException}. */
final class WireReader {
    private final byte[] buf;
    private int at;

    WireReader(byte[] buf, int offset) {
        this.buf = buf;
        this.at = offset;
    }

    boolean atEnd() {
        return at == buf.length;
    }

    int u8() {
        need(1);
        return buf[at++] & 0xFF;
    }

    long u64() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (buf[at++] & 0xFF);
        return v;
    }

    long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return v;
        }
        throw new MalformedEntryException("varint longer than 10 bytes at offset " + at);
    }

    /** A count or length, bounded by what is left so a corrupt length cannot allocate gigabytes. */
    int length() {
        long n = varint();
        if (n < 0 || n > buf.length - at) {
            throw new MalformedEntryException("length " + n + " exceeds the " + (buf.length - at) + " bytes left");
        }
        return (int) n;
    }

    byte[] bytes() {
        int n = length();
        byte[] out = new byte[n];
        System.arraycopy(buf, at, out, 0, n);
        at += n;
        return out;
    }

    byte[] nullableBytes() {
        int flag = u8();
        if (flag == 0) return null;
        if (flag != 1) throw new MalformedEntryException("bad presence flag " + flag);
        return bytes();
    }

    private void need(int n) {
        if (at + n > buf.length) {
            throw new MalformedEntryException("entry truncated: need " + n + " bytes at offset " + at
                    + " of " + buf.length);
        }
    }
}
