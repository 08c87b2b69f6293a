package deltakv.engine.redis;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keys a session WATCHes, each with the read timestamp at the time it was first watched. */
final class WatchList {
    /** One watched key. */
    record Watch(byte[] key, long sinceTs) {}

    private final Map<ByteBuffer, Watch> watches = new LinkedHashMap<>();

    void watch(byte[] key, long ts) {
        // Redis keeps the first WATCH of a key: a later WATCH must not hide a change in between.
        watches.putIfAbsent(ByteBuffer.wrap(key), new Watch(key, ts));
    }

    /** Returns the current watches and forgets them (EXEC, DISCARD and UNWATCH all unwatch). */
    List<Watch> takeAll() {
        List<Watch> out = List.copyOf(watches.values());
        watches.clear();
        return out;
    }

    void clear() {
        watches.clear();
    }
}
