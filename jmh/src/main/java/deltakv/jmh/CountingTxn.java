package deltakv.jmh;

import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;
import java.util.List;

/** A {@link Txn} that counts the data layer's reads (point gets, scans, entries returned), then delegates. */
final class CountingTxn implements Txn {
    /** Per-thread totals; the probe reads and resets them around one operation. */
    static final class Counts {
        long gets;
        long scans;
        long scanned;

        void reset() {
            gets = scans = scanned = 0;
        }
    }

    private final Txn inner;
    private final Counts counts;

    CountingTxn(Txn inner, Counts counts) {
        this.inner = inner;
        this.counts = counts;
    }

    @Override
    public long startTs() {
        return inner.startTs();
    }

    @Override
    public byte[] get(byte[] key) {
        counts.gets++;
        return inner.get(key);
    }

    @Override
    public byte[] getUntracked(byte[] key) {
        counts.gets++;
        return inner.getUntracked(key);
    }

    @Override
    public List<KV> scan(KeyRange range, int limit, boolean reverse, boolean track) {
        List<KV> out = inner.scan(range, limit, reverse, track);
        counts.scans++;
        counts.scanned += out.size();
        return out;
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
