package deltakv.engine.collections;

/** A change to list metadata written by one push or pop (DELTA_DESIGN §3): HeadDelta, LenDelta. */
public record ListDelta(long headDelta, long lenDelta) {
    public static final ListDelta ZERO = new ListDelta(0, 0);

    public static ListDelta rightPush(int n) {
        return new ListDelta(0, n);
    }

    public static ListDelta leftPush(int n) {
        return new ListDelta(-n, n);
    }

    public static final ListDelta LEFT_POP = new ListDelta(1, -1);
    public static final ListDelta RIGHT_POP = new ListDelta(0, -1);

    public ListDelta plus(ListDelta o) {
        return new ListDelta(headDelta + o.headDelta, lenDelta + o.lenDelta);
    }

    public ListDelta negate() {
        return new ListDelta(-headDelta, -lenDelta);
    }

    public boolean isZero() {
        return headDelta == 0 && lenDelta == 0;
    }

    public byte[] encode() {
        byte[] out = new byte[16];
        KeyCodec.putLong(out, 0, headDelta);
        KeyCodec.putLong(out, 8, lenDelta);
        return out;
    }

    public static ListDelta decode(byte[] stored) {
        return new ListDelta(KeyCodec.getLong(stored, 0), KeyCodec.getLong(stored, 8));
    }
}
