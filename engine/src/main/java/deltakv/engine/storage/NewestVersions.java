package deltakv.engine.storage;

import java.util.Arrays;
import org.rocksdb.RocksIterator;

/**
 * Newest commit timestamps in a key range, reading only the first (newest) version of each key.
 * Used by OCC at every commit that carries read ranges, and by WATCH.
 */
final class NewestVersions {
    /** The newest version found: its key and commit ts (ts 0 and null key when the range is empty). */
    record Found(byte[] key, long ts) {}

    private NewestVersions() {}

    /** The first key (ascending) whose newest version is above {@code ts}, or null. */
    static byte[] firstNewerThan(RocksIterator it, byte[] start, byte[] end, long ts) {
        Found f = walk(it, start, end, ts);
        return f.ts() > ts ? f.key() : null;
    }

    /** The newest version in the range. */
    static Found newest(RocksIterator it, byte[] start, byte[] end) {
        return walk(it, start, end, Long.MAX_VALUE);
    }

    /** Walks keys, stopping early at the first whose newest version exceeds {@code stopAbove}. */
    private static Found walk(RocksIterator it, byte[] start, byte[] end, long stopAbove) {
        byte[] endBound = end == null ? null : VersionedKeyCodec.versionPrefix(end);
        byte[] bestKey = null;
        long best = 0;
        it.seek(VersionedKeyCodec.versionPrefix(start));
        while (it.isValid()) {
            byte[] k = it.key();
            if (endBound != null && Arrays.compareUnsigned(k, endBound) >= 0) break;
            long ts = VersionedKeyCodec.decodeTs(k);
            if (ts > best) {
                best = ts;
                bestKey = k;
                if (ts > stopAbove) break;
            }
            KeySkip.forward(it, k);
        }
        return new Found(bestKey == null ? null : VersionedKeyCodec.decodeKey(bestKey), best);
    }
}
