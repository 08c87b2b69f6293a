package deltakv.engine.storage;

import org.rocksdb.RocksIterator;

/** Point reads of one key's versions with a RocksDB iterator. */
final class VersionSeek {
    private VersionSeek() {}

    /** The user value visible at {@code ts} (null if none or a tombstone). */
    static byte[] valueAt(RocksIterator it, byte[] key, long ts) {
        it.seek(VersionedKeyCodec.encode(key, ts));
        if (!it.isValid() || !VersionedKeyCodec.hasPrefix(it.key(), VersionedKeyCodec.versionPrefix(key))) return null;
        return ValueCodec.value(it.value());
    }

    /** The key's newest version, tombstones included. */
    static Newest newest(RocksIterator it, byte[] key) {
        byte[] prefix = VersionedKeyCodec.versionPrefix(key);
        it.seek(prefix);
        if (!it.isValid() || !VersionedKeyCodec.hasPrefix(it.key(), prefix)) return Newest.ABSENT;
        return new Newest.Version(VersionedKeyCodec.decodeTs(it.key()), it.value());
    }
}
