package deltakv.engine.redis.admin;

import java.util.Map;

/** The background compactor as the harness sees it (compactor-stall nemesis, stats). */
public interface CompactorControl {
    void pause();

    void resume();

    boolean paused();

    /** Runs one compaction pass now, on the caller's thread. */
    void runOnce();

    /** Counters such as ticks, keys compacted, deltas folded; names are INFO field names. */
    Map<String, Long> stats();
}
