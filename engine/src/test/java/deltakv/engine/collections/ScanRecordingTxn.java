package deltakv.engine.collections;

import deltakv.engine.txn.ForwardingTxn;
import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Delegates to a real {@link Txn} and records the ranges it was asked to scan (to assert storage work). */
final class ScanRecordingTxn extends ForwardingTxn {
    final List<KeyRange> scans = new ArrayList<>();

    ScanRecordingTxn(Txn inner) {
        super(inner);
    }

    /** Recorded scans that start inside {@code range}. */
    List<KeyRange> scansIn(KeyRange range) {
        List<KeyRange> out = new ArrayList<>();
        for (KeyRange r : scans) if (inside(range, r.start())) out.add(r);
        return out;
    }

    private static boolean inside(KeyRange range, byte[] key) {
        return Arrays.compareUnsigned(range.start(), key) <= 0
                && (range.end() == null || Arrays.compareUnsigned(key, range.end()) < 0);
    }

    @Override
    public List<KV> scan(KeyRange range, int limit, boolean reverse, boolean track) {
        scans.add(range);
        return super.scan(range, limit, reverse, track);
    }
}
