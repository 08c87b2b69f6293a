package deltakv.engine.raft;

import deltakv.engine.redis.admin.NodeStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** A cluster member's status: role, leader and term from Raft; everything else from the local node. */
public final class RaftNodeStatus implements NodeStatus {
    private final NodeStatus local;
    private final RaftReplica replica;

    public RaftNodeStatus(NodeStatus local, RaftReplica replica) {
        this.local = local;
        this.replica = replica;
    }

    @Override
    public String role() {
        return replica.status().role();
    }

    @Override
    public String leader() {
        return replica.status().leaderId();
    }

    @Override
    public long term() {
        return replica.status().term();
    }

    @Override
    public long appliedTs() {
        return local.appliedTs();
    }

    @Override
    public long logStartIndex() {
        try {
            return replica.logStartIndex();
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public long appliedIndex() {
        return replica.status().appliedIndex();
    }

    @Override
    public Map<String, Long> txnCounters() {
        Map<String, Long> m = new LinkedHashMap<>(local.txnCounters());
        ReplicaStatus s = replica.status();
        ReplicationStats r = replica.stats();
        m.put("raft_applied_index", s.appliedIndex());
        m.put("raft_entries_applied", r.entriesApplied());
        m.put("raft_groups_committed", r.groupsCommitted());
        m.put("raft_groups_conflicted", r.groupsConflicted());
        m.put("raft_groups_stale", r.groupsStale());
        m.put("raft_batches_submitted", r.batchesSubmitted());
        m.put("raft_groups_submitted", r.groupsSubmitted());
        m.put("raft_stale_retries", r.staleRetries());
        m.put("raft_ambiguous", r.ambiguous());
        m.put("raft_batch_idle_us", r.batchIdleMicros());
        m.put("raft_batch_linger_us", r.batchLingerMicros());
        m.put("raft_batch_round_us", r.batchRoundMicros());
        m.put("raft_apply_us", r.applyMicros());
        m.put("raft_read_rounds", r.readRounds());
        m.put("raft_read_round_us", r.readRoundMicros());
        m.put("raft_window_reads", r.windowReads());
        return m;
    }

    @Override
    public Map<String, Long> conflictsByPrefix() {
        return local.conflictsByPrefix();
    }

    @Override
    public Map<String, Long> dataCounters() {
        return local.dataCounters();
    }
}
