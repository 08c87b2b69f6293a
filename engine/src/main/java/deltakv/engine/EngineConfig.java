package deltakv.engine;

import java.time.Duration;
import java.util.Set;

/**
 * Start-up options of one engine node that the data layer needs.
 *
 * @param variant                design variant
 * @param bugs                   enabled bug flags (ANOMALIES.md); empty in a correct engine
 * @param maxDeltaCount          compact a key once it has this many deltas (design default 64)
 * @param maxDeltaScanLimit      hard limit: resolving meta over this many deltas forces a synchronous compaction (256)
 * @param maxKeysPerCompactionTx deletions per compaction transaction (256)
 * @param maxKeysPerTick         keys the compactor scans per tick (512)
 * @param compactionInterval     compactor tick interval (30 s default; tests use short ones)
 * @param claimScanWindow        claims fetched per window by the pop flow and LRANGE
 * @param popBounds              who moves a delta list's bounds past a popped element (variant delta)
 */
public record EngineConfig(Variant variant, Set<Bug> bugs, int maxDeltaCount, int maxDeltaScanLimit,
                           int maxKeysPerCompactionTx, int maxKeysPerTick, Duration compactionInterval,
                           int claimScanWindow, PopBounds popBounds) {
    public static EngineConfig defaults(Variant variant) {
        return new EngineConfig(variant, Set.of(), 64, 256, 256, 512, Duration.ofSeconds(30), 64);
    }

    /** With the default pop bounds ({@link PopBounds#DELTA}). */
    public EngineConfig(Variant variant, Set<Bug> bugs, int maxDeltaCount, int maxDeltaScanLimit,
                        int maxKeysPerCompactionTx, int maxKeysPerTick, Duration compactionInterval, int claimScanWindow) {
        this(variant, bugs, maxDeltaCount, maxDeltaScanLimit, maxKeysPerCompactionTx, maxKeysPerTick,
                compactionInterval, claimScanWindow, PopBounds.DELTA);
    }

    public boolean has(Bug bug) {
        return bugs.contains(bug);
    }

    public EngineConfig withCompactionInterval(Duration d) {
        return new EngineConfig(variant, bugs, maxDeltaCount, maxDeltaScanLimit, maxKeysPerCompactionTx,
                maxKeysPerTick, d, claimScanWindow, popBounds);
    }

    public EngineConfig withMaxDeltaCount(int n) {
        return new EngineConfig(variant, bugs, n, maxDeltaScanLimit, maxKeysPerCompactionTx, maxKeysPerTick,
                compactionInterval, claimScanWindow, popBounds);
    }

    public EngineConfig withBugs(Set<Bug> b) {
        return new EngineConfig(variant, Set.copyOf(b), maxDeltaCount, maxDeltaScanLimit, maxKeysPerCompactionTx,
                maxKeysPerTick, compactionInterval, claimScanWindow, popBounds);
    }

    public EngineConfig withPopBounds(PopBounds p) {
        return new EngineConfig(variant, bugs, maxDeltaCount, maxDeltaScanLimit, maxKeysPerCompactionTx,
                maxKeysPerTick, compactionInterval, claimScanWindow, p);
    }
}
