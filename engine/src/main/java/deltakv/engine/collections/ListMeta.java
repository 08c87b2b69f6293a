package deltakv.engine.collections;

/** List metadata: elements live at sequences {@code [head, tail)}, {@code tail = head + len}. */
public record ListMeta(long head, long len) {
    public static final ListMeta EMPTY = new ListMeta(0, 0);

    public long tail() {
        return head + len;
    }

    public ListMeta plus(ListDelta d) {
        return new ListMeta(head + d.headDelta(), len + d.lenDelta());
    }

    /** Stored as Head, Tail, Len (i64 big-endian each). */
    public byte[] encode() {
        byte[] out = new byte[24];
        KeyCodec.putLong(out, 0, head);
        KeyCodec.putLong(out, 8, tail());
        KeyCodec.putLong(out, 16, len);
        return out;
    }

    public static ListMeta decode(byte[] stored) {
        return stored == null ? EMPTY : new ListMeta(KeyCodec.getLong(stored, 0), KeyCodec.getLong(stored, 16));
    }
}
