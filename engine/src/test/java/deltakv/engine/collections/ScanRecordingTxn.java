package deltakv.engine.collections;

import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Delegates to a real {@link Txn} and records the ranges it was asked to scan (to assert storage work). */
final class ScanRecordingTxn implements Txn {
    final List<KeyRange> scans = new ArrayList<>();
    private final Txn inner;

    ScanRecordingTxn(Txn inner) {
        this.inner = inner;
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
    public long startTs() {
        return inner.startTs();
    }

    @Override
    public byte[] get(byte[] key) {
        return inner.get(key);
    }

    @Override
    public byte[] getUntracked(byte[] key) {
        return inner.getUntracked(key);
    }

    @Override
    public List<KV> scan(KeyRange range, int limit, boolean reverse, boolean track) {
        scans.add(range);
        return inner.scan(range, limit, reverse, track);
    }

    @Override
    public void put(byte[] key, byte[] value) {
        inner.put(key, value);
    }

    @Override
    public void delete(byte[] key) {
        inner.delete(key);
    }

    @Override
    public void putAtCommitTs(byte[] prefix, byte[] suffix, byte[] value) {
        inner.putAtCommitTs(prefix, suffix, value);
    }

    @Override
    public long latestVersionTs(KeyRange range) {
        return inner.latestVersionTs(range);
    }

    @Override
    public void trackRead(byte[] key) {
        inner.trackRead(key);
    }

    @Override
    public void trackRange(KeyRange range) {
        inner.trackRange(range);
    }
}
