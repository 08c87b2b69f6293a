package deltakv.nemesis.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Engine options every node of a local cluster starts with, beyond variant and bug flags: how often the
 * compactor runs and when it folds a collection, and how often Raft snapshots. Harness runs shorten the
 * defaults so compaction and snapshots happen inside a 30 s test; {@code dkv cluster start} keeps the
 * engine's own defaults.
 *
 * @param compactionIntervalMs compactor tick ({@code --compaction-interval-ms})
 * @param maxDeltaCount        fold a collection at this many deltas ({@code --max-delta-count})
 * @param snapshotEvery        Raft snapshot every N entries, 0 = engine default ({@code --snapshot-every})
 * @param popBounds            {@code delta} (the engine's default) or {@code claim-gc} ({@code --pop-bounds})
 */
public record NodeSettings(long compactionIntervalMs, int maxDeltaCount, long snapshotEvery, String popBounds) {
    /** The engine's own defaults (DELTA_DESIGN: 30 s ticks, 64 deltas; Raft's 20000-entry snapshots). */
    public static final NodeSettings ENGINE_DEFAULTS = new NodeSettings(30_000, 64, 0);
    public static final String DEFAULT_POP_BOUNDS = "delta";

    /** With the engine's default pop bounds. */
    public NodeSettings(long compactionIntervalMs, int maxDeltaCount, long snapshotEvery) {
        this(compactionIntervalMs, maxDeltaCount, snapshotEvery, DEFAULT_POP_BOUNDS);
    }

    public NodeSettings {
        if (compactionIntervalMs <= 0) throw new IllegalArgumentException("compaction interval must be > 0 ms");
        if (maxDeltaCount < 1) throw new IllegalArgumentException("max delta count must be >= 1");
        if (snapshotEvery < 0) throw new IllegalArgumentException("snapshot frequency must be >= 0");
        checkPopBounds(popBounds);
    }

    /** {@code --pop-bounds} as the engine takes it (this module does not depend on the engine). */
    public static void checkPopBounds(String popBounds) {
        if (!popBounds.equals(DEFAULT_POP_BOUNDS) && !popBounds.equals("claim-gc")) {
            throw new IllegalArgumentException("--pop-bounds must be delta or claim-gc, got '" + popBounds + "'");
        }
    }

    public NodeSettings withPopBounds(String p) {
        return new NodeSettings(compactionIntervalMs, maxDeltaCount, snapshotEvery, p);
    }

    /** The node command-line options that carry these settings. */
    List<String> args() {
        List<String> a = new ArrayList<>(List.of("--compaction-interval-ms", String.valueOf(compactionIntervalMs),
                "--max-delta-count", String.valueOf(maxDeltaCount)));
        if (snapshotEvery > 0) a.addAll(List.of("--snapshot-every", String.valueOf(snapshotEvery)));
        if (!popBounds.equals(DEFAULT_POP_BOUNDS)) a.addAll(List.of("--pop-bounds", popBounds));
        return a;
    }
}
