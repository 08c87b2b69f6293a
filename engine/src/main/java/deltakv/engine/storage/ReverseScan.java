package deltakv.engine.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.RocksIterator;

/**
 * Descending scan of [start, end) at a snapshot. Walking backwards reaches each key at its oldest
 * version; a few prev() steps cover keys with few versions, and a key with many versions (a hot
 * key inside the GC retention window) costs two seeks instead of a walk through all of them.
 */
final class ReverseScan {
    private static final int PREV_BEFORE_SEEK = 4;

    private ReverseScan() {}

    static List<KV> run(RocksIterator it, byte[] start, byte[] end, long ts, int limit) {
        List<KV> out = new ArrayList<>(Math.min(limit, 256));
        byte[] startBound = VersionedKeyCodec.versionPrefix(start);
        if (end == null) it.seekToLast();
        else it.seekForPrev(VersionedKeyCodec.versionPrefix(end));
        while (it.isValid() && out.size() < limit) {
            byte[] group = it.key();
            if (Arrays.compareUnsigned(group, startBound) < 0) break;
            byte[] visible = visibleVersion(it, group, ts);
            if (visible != null && !ValueCodec.isTombstone(visible)) {
                out.add(new KV(VersionedKeyCodec.decodeKey(group), ValueCodec.value(visible)));
            }
        }
        return out;
    }

    /**
     * The stored value of {@code group}'s key visible at {@code ts} (null if none); leaves the
     * iterator on the previous key's oldest version (or invalid).
     */
    private static byte[] visibleVersion(RocksIterator it, byte[] group, long ts) {
        byte[] visible = null;
        byte[] k = group;
        for (int steps = 0; VersionedKeyCodec.decodeTs(k) <= ts; steps++) {
            if (steps == PREV_BEFORE_SEEK) {
                // many versions: seek straight to the newest one at or below ts
                it.seek(VersionedKeyCodec.encode(VersionedKeyCodec.decodeKey(group), ts));
                if (it.isValid() && VersionedKeyCodec.sameKey(it.key(), group)) visible = it.value();
                break;
            }
            visible = it.value();
            it.prev();
            if (!it.isValid()) return visible;
            k = it.key();
            if (!VersionedKeyCodec.sameKey(k, group)) return visible;
        }
        // the rest of this key's versions are newer than ts (or already judged): jump past them
        it.seekForPrev(VersionedKeyCodec.versionPrefix(VersionedKeyCodec.decodeKey(group)));
        return visible;
    }
}
