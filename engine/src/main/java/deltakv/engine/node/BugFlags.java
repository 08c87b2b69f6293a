package deltakv.engine.node;

import java.util.LinkedHashMap;
import java.util.Map;

/** The start-up bug flags of ANOMALIES.md: id → what the buggy engine does. */
public final class BugFlags {
    private static final Map<String, String> FLAGS = new LinkedHashMap<>();

    static {
        FLAGS.put("stale-follower-read", "followers answer reads from local state");
        FLAGS.put("snapshot-from-hlc", "snapshot ts = max(applied watermark, HLC now)");
        FLAGS.put("read-keys-leader-only", "read set checked before proposing, not in the log");
        FLAGS.put("multi-keeps-deltas", "MULTI writes base meta, leaves old deltas");
        FLAGS.put("multi-startts-base-only", "MULTI snapshot from base meta; erases newer deltas");
        FLAGS.put("del-bounded-scan", "DEL deletes at most one bounded page of deltas");
        FLAGS.put("exec-on-follower", "EXEC runs against a follower's state");
        FLAGS.put("exec-startts-ahead", "EXEC snapshot = next HLC value, ahead of applied");
        FLAGS.put("multi-read-untracked", "reads inside MULTI register no read keys");
        FLAGS.put("retry-new-seq", "ambiguous push retried with new positions");
        FLAGS.put("compactor-skips-gap", "claim GC advances Head past an unclaimed gap");
        FLAGS.put("push-keeps-stale-claim", "push onto a recycled seq keeps its old claim");
        FLAGS.put("truncated-delta-sum", "resolve meta silently sums a truncated delta scan");
        FLAGS.put("hlc-no-observe", "new leader's HLC ignores applied commit ts");
    }

    private BugFlags() {}

    public static Map<String, String> all() {
        return Map.copyOf(FLAGS);
    }

    public static boolean known(String id) {
        return FLAGS.containsKey(id);
    }

    /** One line per flag, for --help. */
    public static String describe() {
        StringBuilder sb = new StringBuilder();
        FLAGS.forEach((id, what) -> sb.append(String.format("  %-24s %s%n", id, what)));
        return sb.toString();
    }
}
