package deltakv.engine.collections;

import deltakv.engine.collections.maps.FieldMap;
import deltakv.engine.collections.maps.MapKeys;
import deltakv.engine.collections.maps.Maps;
import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Type-independent key operations: type, existence, deletion, DBSIZE, FLUSHALL, WATCH ranges, and the
 * WRONGTYPE checks every command makes before touching a key ({@link #wrongType}, {@link #prepareWrite}).
 */
public final class Keyspace {
    /** Every data namespace starts with this byte; FLUSHALL sweeps it. */
    private static final KeyRange ALL_DATA = KeyRange.prefix(new byte[] {'!'});

    private final StringStore strings;
    private final ListStore lists;
    private final Maps maps;

    public Keyspace(StringStore strings, ListStore lists, Maps maps) {
        this.strings = strings;
        this.lists = lists;
        this.maps = maps;
    }

    /** Every internal key a user key can have, as ranges (WATCH uses them). */
    public static List<KeyRange> allRanges(byte[] userKey) {
        List<KeyRange> out = new ArrayList<>(List.of(point(StringKeys.key(userKey)), point(ListKeys.baseMeta(userKey)),
                ListKeys.deltaRange(userKey), ListKeys.items(userKey), ListKeys.claims(userKey), point(TypeTags.key(userKey))));
        for (MapKeys m : List.of(MapKeys.HASH, MapKeys.SET, MapKeys.ZSET)) {
            out.addAll(List.of(point(m.baseMeta(userKey)), m.deltas(userKey), m.fields(userKey), point(m.blob(userKey))));
        }
        out.add(MapKeys.scoreIndex(userKey));
        return out;
    }

    private static KeyRange point(byte[] key) {
        return new KeyRange(key, RangeEraser.successor(key));
    }

    public KeyType type(Txn txn, byte[] key) {
        if (strings.exists(txn, key)) return KeyType.STRING;
        if (lists.exists(txn, key)) return KeyType.LIST;
        return liveMap(txn, key);
    }

    public boolean exists(Txn txn, byte[] key) {
        return type(txn, key) != KeyType.NONE;
    }

    /** The hash, set or sorted set the key holds, or NONE (also for an emptied one whose tag is left). */
    private KeyType liveMap(Txn txn, byte[] key) {
        KeyType tag = TypeTags.read(txn, key);
        return tag != KeyType.NONE && maps.of(tag).exists(txn, key) ? tag : KeyType.NONE;
    }

    /** For a reader of {@code want}: whether the key holds a live value of another type (WRONGTYPE). */
    public boolean wrongType(Txn txn, byte[] key, KeyType want) {
        if (want != KeyType.STRING && strings.exists(txn, key)) return true;
        if (want != KeyType.LIST && lists.exists(txn, key)) return true;
        KeyType m = liveMap(txn, key);
        return m != KeyType.NONE && m != want;
    }

    /**
     * For a writer that may create a {@code want} value: false if the key holds a live value of another type
     * (WRONGTYPE). Leftovers of another type that no longer exists for users — an expired string, an emptied
     * hash, set or sorted set — are removed so the key can be reused, and a new hash, set or sorted set is tagged.
     */
    public boolean prepareWrite(Txn txn, byte[] key, KeyType want) {
        if (want != KeyType.STRING && strings.liveOrPurge(txn, key)) return false;
        if (want != KeyType.LIST && lists.exists(txn, key)) return false;
        KeyType tag = TypeTags.read(txn, key);
        if (tag == want) return true;
        if (tag != KeyType.NONE) {
            FieldMap m = maps.of(tag);
            if (m.exists(txn, key)) return false;
            m.delete(txn, key);
            TypeTags.delete(txn, key);
        }
        if (want == KeyType.HASH || want == KeyType.SET || want == KeyType.ZSET) TypeTags.write(txn, key, want);
        return true;
    }

    /** Deletes whatever the key holds (including an expired string or an emptied collection's leftovers). */
    public boolean delete(Txn txn, byte[] key) {
        boolean string = strings.delete(txn, key);
        boolean list = lists.delete(txn, key);
        boolean map = false;
        KeyType tag = TypeTags.read(txn, key);
        if (tag != KeyType.NONE) {
            map = maps.of(tag).delete(txn, key);
            TypeTags.delete(txn, key);
        }
        return string || list || map;
    }

    /** Keys that exist for users: live strings, non-empty lists, hashes, sets and sorted sets. */
    public long size(Txn txn) {
        long n = 0;
        for (ByteBuffer k : UserKeys.strings(txn)) if (strings.exists(txn, UserKeys.bytes(k))) n++;
        for (ByteBuffer k : UserKeys.lists(txn)) if (lists.exists(txn, UserKeys.bytes(k))) n++;
        for (ByteBuffer k : UserKeys.tagged(txn)) if (liveMap(txn, UserKeys.bytes(k)) != KeyType.NONE) n++;
        return n;
    }

    /** Deletes every key: each list and collection through its own delete (so concurrent writers conflict), then a sweep. */
    public void flushAll(Txn txn) {
        for (ByteBuffer k : UserKeys.lists(txn)) lists.delete(txn, UserKeys.bytes(k));
        for (ByteBuffer k : UserKeys.tagged(txn)) delete(txn, UserKeys.bytes(k));
        RangeEraser.eraseAll(txn, ALL_DATA);
    }
}
