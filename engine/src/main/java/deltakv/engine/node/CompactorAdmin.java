package deltakv.engine.node;

import deltakv.engine.collections.Compactor;
import deltakv.engine.collections.CompactorStats;
import deltakv.engine.collections.DeltaStats;
import deltakv.engine.redis.admin.CompactorControl;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** DKV.COMPACTOR over the data layer's compactor (per-type counts too); variants without one (rmw) report nothing to do. */
record CompactorAdmin(Optional<Compactor> compactor) implements CompactorControl {
    @Override
    public void pause() {
        compactor.ifPresent(Compactor::pause);
    }

    @Override
    public void resume() {
        compactor.ifPresent(Compactor::resume);
    }

    @Override
    public boolean paused() {
        return compactor.map(c -> c.stats().paused()).orElse(false);
    }

    @Override
    public void runOnce() {
        compactor.ifPresent(Compactor::tick);
    }

    @Override
    public Map<String, Long> stats() {
        Map<String, Long> m = new LinkedHashMap<>();
        compactor.ifPresent(c -> {
            CompactorStats s = c.stats();
            m.put("ticks", s.ticks());
            m.put("keys_compacted", s.keysCompacted());
            m.put("deltas_folded", s.deltasFolded());
            m.put("claims_collected", s.claimsCollected());
            m.put("sync_compactions", s.syncCompactions());
            s.foldedByType().forEach((type, n) -> m.put("deltas_folded_" + type, n));
        });
        return m;
    }

    /** Live delta counts (one scan of the delta namespace), for INFO's DeltaKV section. */
    Map<String, Long> deltaCounts() {
        Map<String, Long> m = new LinkedHashMap<>();
        compactor.ifPresent(c -> {
            DeltaStats d = c.deltaStats();
            m.put("live_deltas", d.liveDeltas());
            m.put("keys_with_deltas", d.keysWithDeltas());
            d.byType().forEach((type, n) -> m.put("live_deltas_" + type, n));
        });
        return m;
    }
}
