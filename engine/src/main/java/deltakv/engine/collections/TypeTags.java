package deltakv.engine.collections;

import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;

/**
 * {@code !typ| len key → one byte}: which field-map type (hash, set, sorted set) a key was created as.
 * Why: every write of a list or string must answer WRONGTYPE for a hash, set or sorted set under its key,
 * and one tracked point read of the tag is far cheaper than probing three namespaces. The tag is written
 * once, by the command that creates the collection, so writers of an existing collection only read it and
 * do not conflict on it; it is removed by DEL, by a type change, or lazily when a writer of another type
 * finds the collection empty (in the delta layouts a removal does not know whether it took the last field).
 */
public final class TypeTags {
    public static final byte[] PREFIX = KeyCodec.ascii("!typ|");

    private TypeTags() {}

    public static byte[] key(byte[] userKey) {
        return KeyCodec.framed(PREFIX, userKey);
    }

    /** The tagged type (tracked), or {@link KeyType#NONE}. */
    public static KeyType read(Txn txn, byte[] userKey) {
        byte[] v = txn.get(key(userKey));
        return v == null ? KeyType.NONE : decode(v[0]);
    }

    static void write(Txn txn, byte[] userKey, KeyType type) {
        txn.put(key(userKey), new byte[] {code(type)});
    }

    static void delete(Txn txn, byte[] userKey) {
        txn.delete(key(userKey));
    }

    static KeyRange namespace() {
        return KeyRange.prefix(PREFIX);
    }

    static byte[] userKeyOf(byte[] tagKey) {
        return KeyCodec.userKeyOf(PREFIX, tagKey);
    }

    private static byte code(KeyType t) {
        return switch (t) {
            case HASH -> 'h';
            case SET -> 's';
            case ZSET -> 'z';
            default -> throw new IllegalArgumentException("no tag for " + t);
        };
    }

    private static KeyType decode(byte b) {
        return switch (b) {
            case 'h' -> KeyType.HASH;
            case 's' -> KeyType.SET;
            case 'z' -> KeyType.ZSET;
            default -> throw new IllegalStateException("corrupt type tag " + b);
        };
    }
}
