package deltakv.engine.collections;

import deltakv.engine.txn.KeyRange;

/** Layout of string values: {@code !str| len key → StringValue}. */
public final class StringKeys {
    public static final byte[] PREFIX = KeyCodec.ascii("!str|");

    private StringKeys() {}

    public static byte[] key(byte[] userKey) {
        return KeyCodec.framed(PREFIX, userKey);
    }

    public static byte[] userKeyOf(byte[] internalKey) {
        return KeyCodec.userKeyOf(PREFIX, internalKey);
    }

    public static KeyRange namespace() {
        return KeyRange.prefix(PREFIX);
    }
}
