package deltakv.engine.txn;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Commit, conflict and retry counters, conflicts and retries split by key prefix ({@link KeyPrefix}). */
public final class ConflictStats {
    /** Label used when a retry was caused by a stale commit timestamp rather than a key. */
    public static final String STALE_TS = "(stale-ts)";
    /** The key a conflict thrown by a body without a key is counted under ("(other)", as any unprefixed key). */
    static final byte[] UNNAMED = {'?'};
    /** The label of {@link ApplyResult#SNAPSHOT_TOO_OLD} (an empty key). */
    public static final String SNAPSHOT_TOO_OLD = "(snapshot-too-old)";

    private final Map<String, LongAdder> conflicts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> retries = new ConcurrentHashMap<>();
    private final LongAdder commits = new LongAdder();
    private final LongAdder gaveUp = new LongAdder();
    private final LongAdder ambiguous = new LongAdder();
    private final LongAdder outcomeUnknown = new LongAdder();

    /** A point-in-time copy for INFO / admin commands; maps are sorted by prefix. */
    public record Snapshot(long commits, long conflicts, long retries, long gaveUp, long ambiguous,
                           long outcomeUnknown, Map<String, Long> conflictsByPrefix,
                           Map<String, Long> retriesByPrefix) {}

    public static String label(byte[] conflictKey) {
        if (conflictKey == null) return STALE_TS;
        return conflictKey.length == 0 ? SNAPSHOT_TOO_OLD : KeyPrefix.of(conflictKey);
    }

    public void conflict(byte[] key) {
        bump(conflicts, label(key));
    }

    public void retry(byte[] key) {
        bump(retries, label(key));
    }

    public void committed() {
        commits.increment();
    }

    public void gaveUp() {
        gaveUp.increment();
    }

    public void ambiguous() {
        ambiguous.increment();
    }

    public void outcomeUnknown() {
        outcomeUnknown.increment();
    }

    public Snapshot snapshot() {
        Map<String, Long> c = copy(conflicts);
        Map<String, Long> r = copy(retries);
        return new Snapshot(commits.sum(), sum(c), sum(r), gaveUp.sum(), ambiguous.sum(), outcomeUnknown.sum(), c, r);
    }

    public void reset() {
        conflicts.clear();
        retries.clear();
        commits.reset();
        gaveUp.reset();
        ambiguous.reset();
        outcomeUnknown.reset();
    }

    private static void bump(Map<String, LongAdder> m, String label) {
        m.computeIfAbsent(label, k -> new LongAdder()).increment();
    }

    private static Map<String, Long> copy(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static long sum(Map<String, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }
}
