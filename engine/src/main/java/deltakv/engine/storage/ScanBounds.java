package deltakv.engine.storage;

import org.rocksdb.ReadOptions;
import org.rocksdb.Slice;

/**
 * Read options bounding a scan's iterator to the versions of keys in [start, end): the lower bound
 * for descending scans, the upper bound for ascending ones (the side the scan walks towards).
 */
final class ScanBounds implements AutoCloseable {
    private final ReadOptions options = new ReadOptions();
    private final Slice bound;

    private ScanBounds(Slice bound, boolean lower) {
        this.bound = bound;
        if (bound != null && lower) options.setIterateLowerBound(bound);
        else if (bound != null) options.setIterateUpperBound(bound);
    }

    static ScanBounds of(byte[] start, byte[] end, boolean reverse) {
        if (reverse) return new ScanBounds(new Slice(VersionedKeyCodec.versionPrefix(start)), true);
        return new ScanBounds(end == null ? null : new Slice(VersionedKeyCodec.versionPrefix(end)), false);
    }

    ReadOptions options() {
        return options;
    }

    @Override
    public void close() {
        options.close();
        if (bound != null) bound.close();
    }
}
