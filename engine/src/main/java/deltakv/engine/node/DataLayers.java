package deltakv.engine.node;

import deltakv.engine.EngineConfig;
import deltakv.engine.clock.OffsetClock;
import deltakv.engine.redis.CommandSpec;
import deltakv.engine.redis.admin.CompactorControl;
import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.TxnExecutor;
import java.util.List;
import java.util.Map;

/** Builds the collections layer for a node's variant. */
final class DataLayers {
    private DataLayers() {}

    static DataLayer create(EngineConfig config, TxnExecutor executor, OffsetClock wall) {
        // TEMPORARY until the collections layer lands: no data commands.
        return new DataLayer() {
            @Override
            public Map<String, CommandSpec> commands() {
                return Map.of();
            }

            @Override
            public List<KeyRange> watchRanges(byte[] userKey) {
                return List.of();
            }

            @Override
            public CompactorControl compactor() {
                return new CompactorControl() {
                    public void pause() {}

                    public void resume() {}

                    public boolean paused() {
                        return false;
                    }

                    public void runOnce() {}

                    public Map<String, Long> stats() {
                        return Map.of();
                    }
                };
            }

            @Override
            public Map<String, Long> counters() {
                return Map.of();
            }

            @Override
            public void close() {}
        };
    }
}
