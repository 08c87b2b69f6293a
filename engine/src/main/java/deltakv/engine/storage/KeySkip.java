package deltakv.engine.storage;

import org.rocksdb.RocksIterator;

/**
 * Moves an iterator past the remaining versions of the key it is on. A few next() calls are cheaper
 * than a seek when a key has few versions (the usual case after GC); seek bounds the cost otherwise.
 */
final class KeySkip {
    private static final int NEXT_BEFORE_SEEK = 4;

    private KeySkip() {}

    /** Positions {@code it} at the first version of the next key (or invalid). */
    static void forward(RocksIterator it, byte[] current) {
        for (int i = 0; i < NEXT_BEFORE_SEEK; i++) {
            it.next();
            if (!it.isValid() || !VersionedKeyCodec.sameKey(it.key(), current)) return;
        }
        it.seek(VersionedKeyCodec.versionsEnd(VersionedKeyCodec.decodeKey(current)));
    }

    /** Positions {@code it} at the newest version of {@code current}'s key that is at or below {@code ts}. */
    static void toSnapshot(RocksIterator it, byte[] current, long ts) {
        it.next();
        if (!it.isValid() || !VersionedKeyCodec.sameKey(it.key(), current)
                || VersionedKeyCodec.decodeTs(it.key()) <= ts) {
            return;
        }
        it.seek(VersionedKeyCodec.withTs(current, ts));
    }
}
