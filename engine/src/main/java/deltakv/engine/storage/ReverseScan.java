package deltakv.engine.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.RocksIterator;

/**
 * Descending scan of [start, end) at a snapshot. Walking backwards meets each key's versions oldest
 * first, so the visible one is the last version at or below ts seen before the key changes.
 */
final class ReverseScan {
    private final List<KV> out;
    private final int limit;
    private byte[] group;
    private byte[] visible;

    private ReverseScan(int limit) {
        this.limit = limit;
        this.out = new ArrayList<>(Math.min(limit, 256));
    }

    static List<KV> run(RocksIterator it, byte[] start, byte[] end, long ts, int limit) {
        return new ReverseScan(limit).scan(it, start, end, ts);
    }

    private List<KV> scan(RocksIterator it, byte[] start, byte[] end, long ts) {
        byte[] startBound = VersionedKeyCodec.versionPrefix(start);
        if (end == null) it.seekToLast();
        else it.seekForPrev(VersionedKeyCodec.versionPrefix(end));
        while (it.isValid() && out.size() < limit) {
            byte[] k = it.key();
            if (Arrays.compareUnsigned(k, startBound) < 0) break;
            if (group == null || !VersionedKeyCodec.sameKey(k, group)) {
                emit();
                group = k;
            }
            if (VersionedKeyCodec.decodeTs(k) <= ts) {
                visible = it.value();
                it.prev();
            } else {
                // every remaining version of this key is newer still: jump to the previous key
                it.seekForPrev(VersionedKeyCodec.versionPrefix(VersionedKeyCodec.decodeKey(k)));
            }
        }
        if (out.size() < limit) emit();
        return out;
    }

    private void emit() {
        if (group != null && visible != null && !ValueCodec.isTombstone(visible)) {
            out.add(new KV(VersionedKeyCodec.decodeKey(group), ValueCodec.value(visible)));
        }
        visible = null;
    }
}
