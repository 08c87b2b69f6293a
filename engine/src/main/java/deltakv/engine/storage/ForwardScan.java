package deltakv.engine.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.RocksIterator;

/** Ascending scan of [start, end) at a snapshot: newest visible version per key, tombstones hidden. */
final class ForwardScan {
    private ForwardScan() {}

    static List<KV> run(RocksIterator it, byte[] start, byte[] end, long ts, int limit) {
        List<KV> out = new ArrayList<>(Math.min(limit, 256));
        byte[] endBound = end == null ? null : VersionedKeyCodec.versionPrefix(end);
        it.seek(VersionedKeyCodec.versionPrefix(start));
        while (it.isValid() && out.size() < limit) {
            byte[] k = it.key();
            if (endBound != null && Arrays.compareUnsigned(k, endBound) >= 0) break;
            if (VersionedKeyCodec.decodeTs(k) > ts) {
                KeySkip.toSnapshot(it, k, ts);
                continue;
            }
            byte[] stored = it.value();
            if (!ValueCodec.isTombstone(stored)) {
                out.add(new KV(VersionedKeyCodec.decodeKey(k), ValueCodec.value(stored)));
            }
            KeySkip.forward(it, k);
        }
        return out;
    }
}
