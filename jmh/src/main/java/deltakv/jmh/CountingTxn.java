package deltakv.jmh;

import deltakv.engine.txn.ForwardingTxn;
import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;
import java.util.List;

/** A {@link Txn} that counts the data layer's reads (point gets, scans, entries returned), then delegates. */
final class CountingTxn extends ForwardingTxn {
    /** Per-thread totals; the probe reads and resets them around one operation. */
    static final class Counts {
        long gets;
        long scans;
        long scanned;

        void reset() {
            gets = scans = scanned = 0;
        }
    }

    private final Counts counts;

    CountingTxn(Txn inner, Counts counts) {
        super(inner);
        this.counts = counts;
    }

    @Override
    public byte[] get(byte[] key) {
        counts.gets++;
        return super.get(key);
    }

    @Override
    public byte[] getUntracked(byte[] key) {
        counts.gets++;
        return super.getUntracked(key);
    }

    @Override
    public List<KV> scan(KeyRange range, int limit, boolean reverse, boolean track) {
        List<KV> out = super.scan(range, limit, reverse, track);
        counts.scans++;
        counts.scanned += out.size();
        return out;
    }
}
