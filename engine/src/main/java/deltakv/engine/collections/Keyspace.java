package deltakv.engine.collections;

import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;
import java.nio.ByteBuffer;
import java.util.List;

/** Type-independent key operations: type, existence, deletion, DBSIZE, FLUSHALL, and WATCH ranges. */
public final class Keyspace {
    /** Every data namespace starts with this byte; FLUSHALL sweeps it. */
    private static final KeyRange ALL_DATA = KeyRange.prefix(new byte[] {'!'});

    private final StringStore strings;
    private final ListStore lists;

    public Keyspace(StringStore strings, ListStore lists) {
        this.strings = strings;
        this.lists = lists;
    }

    /** Every internal key a user key can have, as ranges (WATCH and DEL use them). */
    public static List<KeyRange> allRanges(byte[] userKey) {
        return List.of(point(StringKeys.key(userKey)), point(ListKeys.baseMeta(userKey)), ListKeys.deltaRange(userKey),
                ListKeys.items(userKey), ListKeys.claims(userKey));
    }

    private static KeyRange point(byte[] key) {
        return new KeyRange(key, RangeEraser.successor(key));
    }

    public KeyType type(Txn txn, byte[] key) {
        if (strings.exists(txn, key)) return KeyType.STRING;
        if (lists.exists(txn, key)) return KeyType.LIST;
        return KeyType.NONE;
    }

    public boolean exists(Txn txn, byte[] key) {
        return type(txn, key) != KeyType.NONE;
    }

    /** Deletes whatever the key holds (including an expired string or an emptied list's leftovers). */
    public boolean delete(Txn txn, byte[] key) {
        boolean string = strings.delete(txn, key);
        boolean list = lists.delete(txn, key);
        return string || list;
    }

    /** Keys that exist for users: live strings and non-empty lists. */
    public long size(Txn txn) {
        long n = 0;
        for (ByteBuffer k : UserKeys.strings(txn)) if (strings.exists(txn, UserKeys.bytes(k))) n++;
        for (ByteBuffer k : UserKeys.lists(txn)) if (lists.exists(txn, UserKeys.bytes(k))) n++;
        return n;
    }

    /** Deletes every key: each list through its own delete (so concurrent pushes conflict), then a sweep. */
    public void flushAll(Txn txn) {
        for (ByteBuffer k : UserKeys.lists(txn)) lists.delete(txn, UserKeys.bytes(k));
        RangeEraser.eraseAll(txn, ALL_DATA);
    }
}
