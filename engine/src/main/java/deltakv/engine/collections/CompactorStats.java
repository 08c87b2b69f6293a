package deltakv.engine.collections;

/** Compactor counters since start (for INFO and the harness). */
public record CompactorStats(long ticks, long keysCompacted, long deltasFolded, long claimsCollected,
                             long syncCompactions, boolean paused) {}
