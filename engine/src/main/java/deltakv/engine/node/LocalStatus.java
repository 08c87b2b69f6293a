package deltakv.engine.node;

import deltakv.engine.redis.admin.NodeStatus;
import deltakv.engine.txn.ConflictStats;
import deltakv.engine.txn.StateMachineApplier;
import deltakv.engine.txn.VersionGc;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Status of a single node: the leader of its own one-member group, term 0. */
final class LocalStatus implements NodeStatus {
    private final String id;
    private final StateMachineApplier applier;
    private final ConflictStats stats;
    private final VersionGc gc;
    private final Supplier<Map<String, Long>> dataCounters;

    LocalStatus(String id, StateMachineApplier applier, ConflictStats stats, VersionGc gc,
                Supplier<Map<String, Long>> dataCounters) {
        this.id = id;
        this.applier = applier;
        this.stats = stats;
        this.gc = gc;
        this.dataCounters = dataCounters;
    }

    @Override
    public String role() {
        return "leader";
    }

    @Override
    public String leader() {
        return id;
    }

    @Override
    public long term() {
        return 0;
    }

    @Override
    public long appliedTs() {
        return applier.lastAppliedTs();
    }

    @Override
    public Map<String, Long> txnCounters() {
        ConflictStats.Snapshot s = stats.snapshot();
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("txn_commits", s.commits());
        m.put("txn_conflicts", s.conflicts());
        m.put("txn_retries", s.retries());
        m.put("txn_gave_up", s.gaveUp());
        m.put("txn_ambiguous", s.ambiguous());
        m.put("txn_outcome_unknown", s.outcomeUnknown());
        s.retriesByPrefix().forEach((p, n) -> m.put("retries_prefix_" + p, n));
        VersionGc.Stats g = gc.stats();
        m.put("gc_runs", g.runs());
        m.put("gc_deleted_versions", g.deletedVersions());
        return m;
    }

    @Override
    public Map<String, Long> conflictsByPrefix() {
        return stats.snapshot().conflictsByPrefix();
    }

    @Override
    public Map<String, Long> dataCounters() {
        return dataCounters.get();
    }
}
