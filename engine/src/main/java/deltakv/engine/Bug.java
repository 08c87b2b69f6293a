package deltakv.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The start-up bug flags of ANOMALIES.md: each re-creates one bug the upstream store had, as a small
 * switch at the place the bug lived; the correct path is the default. Checked as {@code config.has(Bug.X)}.
 * A flag not implemented yet is listed here (the catalogue knows it) but not offered: {@link #parse} refuses it.
 */
public enum Bug {
    STALE_FOLLOWER_READ("stale-follower-read", "followers answer reads from local state", true),
    SNAPSHOT_FROM_HLC("snapshot-from-hlc", "snapshot ts = max(applied watermark, HLC now)", true),
    READ_KEYS_LEADER_ONLY("read-keys-leader-only", "read set checked before proposing, not in the log", true),
    MULTI_KEEPS_DELTAS("multi-keeps-deltas", "MULTI writes base meta, leaves old deltas", true),
    MULTI_STARTTS_BASE_ONLY("multi-startts-base-only", "MULTI snapshot from base meta; erases newer deltas", true),
    DEL_BOUNDED_SCAN("del-bounded-scan", "DEL deletes at most one bounded page of deltas", true),
    EXEC_ON_FOLLOWER("exec-on-follower", "EXEC runs against a follower's state", true),
    EXEC_STARTTS_AHEAD("exec-startts-ahead", "EXEC snapshot = next HLC value, ahead of applied", true),
    MULTI_READ_UNTRACKED("multi-read-untracked", "reads inside MULTI register no read keys", true),
    RETRY_NEW_SEQ("retry-new-seq", "ambiguous push retried with new positions", true),
    COMPACTOR_SKIPS_GAP("compactor-skips-gap", "claim GC advances Head past an unclaimed gap", true),
    PUSH_KEEPS_STALE_CLAIM("push-keeps-stale-claim", "push onto a recycled seq keeps its old claim", true),
    TRUNCATED_DELTA_SUM("truncated-delta-sum", "resolve meta silently sums a truncated delta scan", true),
    HLC_NO_OBSERVE("hlc-no-observe", "new leader's HLC ignores applied commit ts", true),
    LEASE_OUTLIVES_LEADERSHIP("lease-outlives-leadership", "leader serves reads from a lease after it may be deposed", true),
    EMPTY_LIST_DROPS_META("empty-list-drops-meta", "compacting a list at Len 0 deletes its base meta", true);

    private final String id;
    private final String description;
    private final boolean implemented;

    Bug(String id, String description, boolean implemented) {
        this.id = id;
        this.description = description;
        this.implemented = implemented;
    }

    /** The ANOMALIES.md id, as {@code --bug} takes it. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Whether the engine honours the flag yet (only those are offered). */
    public boolean implemented() {
        return implemented;
    }

    /** The flags {@code --bug} accepts. */
    public static List<Bug> offered() {
        return Arrays.stream(values()).filter(Bug::implemented).toList();
    }

    /**
     * The flag named {@code id}.
     *
     * @throws IllegalArgumentException a one-line reason: unknown, or not implemented yet
     */
    public static Bug parse(String id) {
        Bug b = byId(id).orElseThrow(
                () -> new IllegalArgumentException("unknown bug flag '" + id + "' (offered: " + ids(offered()) + ")"));
        if (!b.implemented) {
            throw new IllegalArgumentException("bug flag '" + id + "' is not implemented yet (offered: " + ids(offered()) + ")");
        }
        return b;
    }

    /** The flag with ANOMALIES.md id {@code id}, implemented or not. */
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
