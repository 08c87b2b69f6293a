package deltakv.engine.node;

import deltakv.engine.Bug;
import deltakv.engine.EngineConfig;
import deltakv.engine.PopBounds;
import deltakv.engine.Variant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Start-up options of one node.
 *
 * @param id                 node id, e.g. "n1"
 * @param host               address the Redis port binds to
 * @param port               Redis port; 0 picks a free one (tests)
 * @param dataDir            RocksDB directory (created if missing; data survives restarts)
 * @param variant            design variant
 * @param bugs               ANOMALIES.md bug flags to enable (empty = correct engine)
 * @param compactionInterval compactor tick interval
 * @param gcInterval         version-GC interval
 * @param workerThreads      threads running commands (each blocked command holds one)
 * @param maxDeltaCount      compact a key once it has this many deltas (the design's 64; tests and
 *                           harness runs lower it so compaction happens under load)
 * @param popBounds          who moves a delta list's bounds past a popped element ({@link PopBounds})
 */
public record NodeOptions(String id, String host, int port, Path dataDir, Variant variant, Set<Bug> bugs,
                          Duration compactionInterval, Duration gcInterval, int workerThreads, int maxDeltaCount,
                          PopBounds popBounds) {
    public static final Duration DEFAULT_GC_INTERVAL = Duration.ofSeconds(10);
    /**
     * Enough that every client of the contended benchmark (up to 64) has a thread of its own, so the
     * pool never hides contention by queueing clients; idle threads cost little.
     */
    public static final int DEFAULT_WORKERS = 128;

    public NodeOptions {
        bugs = Set.copyOf(bugs);
        if (id == null || id.isBlank()) throw new IllegalArgumentException("node id must not be empty");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (workerThreads < 1) throw new IllegalArgumentException("workerThreads must be >= 1");
        if (maxDeltaCount < 1) throw new IllegalArgumentException("max delta count must be >= 1, got " + maxDeltaCount);
        popBounds.requireVariant(variant);
    }

    /** Defaults for everything but the identity: delta variant, no bugs, design compaction interval. */
    public static NodeOptions of(String id, String host, int port, Path dataDir) {
        EngineConfig d = EngineConfig.defaults(Variant.DELTA);
        return new NodeOptions(id, host, port, dataDir, Variant.DELTA, Set.of(), d.compactionInterval(),
                DEFAULT_GC_INTERVAL, DEFAULT_WORKERS, d.maxDeltaCount(), d.popBounds());
    }

    public NodeOptions withVariant(Variant v) {
        return new NodeOptions(id, host, port, dataDir, v, bugs, compactionInterval, gcInterval, workerThreads,
                maxDeltaCount, popBounds);
    }

    public NodeOptions withBugs(Set<Bug> b) {
        return new NodeOptions(id, host, port, dataDir, variant, b, compactionInterval, gcInterval, workerThreads,
                maxDeltaCount, popBounds);
    }

    public NodeOptions withCompactionInterval(Duration d) {
        return new NodeOptions(id, host, port, dataDir, variant, bugs, d, gcInterval, workerThreads,
                maxDeltaCount, popBounds);
    }

    public NodeOptions withGcInterval(Duration d) {
        return new NodeOptions(id, host, port, dataDir, variant, bugs, compactionInterval, d, workerThreads,
                maxDeltaCount, popBounds);
    }

    public NodeOptions withPort(int p) {
        return new NodeOptions(id, host, p, dataDir, variant, bugs, compactionInterval, gcInterval, workerThreads,
                maxDeltaCount, popBounds);
    }

    public NodeOptions withMaxDeltaCount(int n) {
        return new NodeOptions(id, host, port, dataDir, variant, bugs, compactionInterval, gcInterval, workerThreads, n,
                popBounds);
    }

    /** The same node on another host, port and data directory (a cluster member's own peer entry). */
    public NodeOptions at(String newHost, int newPort, Path newDataDir) {
        return new NodeOptions(id, newHost, newPort, newDataDir, variant, bugs, compactionInterval, gcInterval,
                workerThreads, maxDeltaCount, popBounds);
    }

    public NodeOptions withPopBounds(PopBounds p) {
        return new NodeOptions(id, host, port, dataDir, variant, bugs, compactionInterval, gcInterval, workerThreads,
                maxDeltaCount, p);
    }

    public EngineConfig engineConfig() {
        return EngineConfig.defaults(variant).withBugs(bugs).withCompactionInterval(compactionInterval)
                .withMaxDeltaCount(maxDeltaCount).withPopBounds(popBounds);
    }
}
