package deltakv.engine.collections;

/** Live delta records right now: total and number of lists that have any. */
public record DeltaStats(long liveDeltas, long keysWithDeltas) {}
