package deltakv.engine.redis;

import deltakv.engine.txn.SnapshotRegistry;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keys a session WATCHes, each with the read timestamp at the time it was first watched, and the snapshot
 * pinned by the first WATCH: without it, version GC could collect a delete's tombstone before EXEC looks for
 * it once a watch outlives the GC retention window. Later WATCHes read at or above that pin, so one suffices.
 */
final class WatchList {
    /** One watched key. */
    record Watch(byte[] key, long sinceTs) {}

    private final Map<ByteBuffer, Watch> watches = new LinkedHashMap<>();
    private SnapshotRegistry.Snapshot pin;

    void watch(List<byte[]> keys, Supplier<SnapshotRegistry.Snapshot> pins) {
        SnapshotRegistry.Snapshot s = pins.get();
        // Redis keeps the first WATCH of a key: a later WATCH must not hide a change in between.
        for (byte[] key : keys) watches.putIfAbsent(ByteBuffer.wrap(key), new Watch(key, s.ts()));
        if (pin == null) pin = s;
        else s.close();
    }

    boolean isEmpty() {
        return watches.isEmpty();
    }

    List<Watch> all() {
        return List.copyOf(watches.values());
    }

    /** Forgets the watches and releases the pin (EXEC, DISCARD, UNWATCH and disconnecting all unwatch). */
    void clear() {
        watches.clear();
        if (pin != null) pin.close();
        pin = null;
    }
}
