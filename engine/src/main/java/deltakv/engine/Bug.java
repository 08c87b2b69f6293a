package deltakv.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The start-up bug flags of ANOMALIES.md: each re-creates one bug the upstream store had, as a small
 * switch at the place the bug lived; the correct path is the default. Checked as {@code config.has(Bug.X)}.
 */
public enum Bug {
    STALE_FOLLOWER_READ("stale-follower-read", "followers answer reads from local state"),
    SNAPSHOT_FROM_HLC("snapshot-from-hlc", "snapshot ts = max(applied watermark, HLC now)"),
    READ_KEYS_LEADER_ONLY("read-keys-leader-only", "read set checked before proposing, not in the log"),
    MULTI_KEEPS_DELTAS("multi-keeps-deltas", "MULTI writes base meta, leaves old deltas"),
    MULTI_STARTTS_BASE_ONLY("multi-startts-base-only", "MULTI snapshot from base meta; erases newer deltas"),
    DEL_BOUNDED_SCAN("del-bounded-scan", "DEL deletes at most one bounded page of deltas"),
    EXEC_ON_FOLLOWER("exec-on-follower", "EXEC runs against a follower's state"),
    EXEC_STARTTS_AHEAD("exec-startts-ahead", "EXEC snapshot = next HLC value, ahead of applied"),
    MULTI_READ_UNTRACKED("multi-read-untracked", "reads inside MULTI register no read keys"),
    RETRY_NEW_SEQ("retry-new-seq", "ambiguous push retried with new positions"),
    COMPACTOR_SKIPS_GAP("compactor-skips-gap", "claim GC advances Head past an unclaimed gap"),
    PUSH_KEEPS_STALE_CLAIM("push-keeps-stale-claim", "push onto a recycled seq keeps its old claim"),
    TRUNCATED_DELTA_SUM("truncated-delta-sum", "resolve meta silently sums a truncated delta scan"),
    HLC_NO_OBSERVE("hlc-no-observe", "new leader's HLC ignores applied commit ts"),
    LEASE_OUTLIVES_LEADERSHIP("lease-outlives-leadership", "leader serves reads from a lease after it may be deposed"),
    EMPTY_LIST_DROPS_META("empty-list-drops-meta", "compacting a list at Len 0 deletes its base meta"),
    UPDATE_WRITES_DELTA("update-writes-delta", "HSET/SADD/ZADD of an existing field also writes a +1 Len delta");

    private final String id;
    private final String description;

    Bug(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The ANOMALIES.md id, as {@code --bug} takes it. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The flags {@code --bug} accepts. */
    public static List<Bug> offered() {
        return List.of(values());
    }

    /**
     * The flag named {@code id}.
     *
     * @throws IllegalArgumentException a one-line reason
     */
    public static Bug parse(String id) {
        return byId(id).orElseThrow(
                () -> new IllegalArgumentException("unknown bug flag '" + id + "' (offered: " + ids(offered()) + ")"));
    }

    /** The flag with ANOMALIES.md id {@code id}. */
    public static Optional<Bug> byId(String id) {
        return Arrays.stream(values()).filter(b -> b.id.equals(id)).findFirst();
    }

    /** Comma-separated ids. */
    public static String ids(List<Bug> bugs) {
        return bugs.stream().map(Bug::id).collect(Collectors.joining(", "));
    }

    /** One line per offered flag, for --help. */
    public static String describe() {
        StringBuilder sb = new StringBuilder();
        for (Bug b : offered()) sb.append(String.format("  %-26s %s%n", b.id, b.description));
        return sb.toString();
    }

    @Override
    public String toString() {
        return id;
    }
}
