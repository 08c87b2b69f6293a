package deltakv.engine.collections;

import java.util.Map;

/** Live delta records right now: total, number of keys that have any, and live deltas per namespace. */
public record DeltaStats(long liveDeltas, long keysWithDeltas, Map<String, Long> byType) {
    public DeltaStats(long liveDeltas, long keysWithDeltas) {
        this(liveDeltas, keysWithDeltas, Map.of());
    }
}
