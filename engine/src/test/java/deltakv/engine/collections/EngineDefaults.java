package deltakv.engine.collections;

import deltakv.engine.Bug;
import deltakv.engine.EngineConfig;
import deltakv.engine.Variant;
import java.time.Duration;
import java.util.Set;

/** Test configurations with small compaction thresholds. */
final class EngineDefaults {
    EngineConfig delta(int maxDeltaCount) {
        return new EngineConfig(Variant.DELTA, Set.of(), maxDeltaCount, 256, 256, 512, Duration.ofMillis(5), 64);
    }

    EngineConfig delta(int maxDeltaCount, int perTx, int perTick, Set<Bug> bugs) {
        return new EngineConfig(Variant.DELTA, bugs, maxDeltaCount, 256, perTx, perTick, Duration.ofMillis(5), 8);
    }
}
