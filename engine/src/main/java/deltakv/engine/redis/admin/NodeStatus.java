package deltakv.engine.redis.admin;

import java.util.Map;

/** Live numbers of a node that the admin commands and INFO report. */
public interface NodeStatus {
    /** "leader", "follower" or "candidate"; a single node is the leader of its own group. */
    String role();

    /** Leader's node id, or null when none is known. */
    String leader();

    long term();

    /** Commit timestamp of the last applied operation group. */
    long appliedTs();

    /** First index still in the Raft log (earlier entries were purged after a snapshot); 0 without Raft. */
    default long logStartIndex() {
        return 0;
    }

    /** Raft log index applied on this node (0 for a single node without Raft). */
    default long appliedIndex() {
        return 0;
    }

    /** Transaction counters (commits, retries, conflicts, gave_up …), by field name. */
    Map<String, Long> txnCounters();

    /** Conflicts by key prefix (e.g. "!lst|meta|d|" → 12). */
    Map<String, Long> conflictsByPrefix();

    /** Data-layer counts such as live deltas per namespace, by field name. */
    Map<String, Long> dataCounters();
}
