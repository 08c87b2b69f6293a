package deltakv.engine.collections;

import java.util.Map;

/** Compactor counters since start (for INFO and the harness); {@code foldedByType}: deltas folded per namespace. */
public record CompactorStats(long ticks, long keysCompacted, long deltasFolded, long claimsCollected,
                             long syncCompactions, boolean paused, Map<String, Long> foldedByType) {}
