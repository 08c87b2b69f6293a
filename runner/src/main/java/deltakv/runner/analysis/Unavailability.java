package deltakv.runner.analysis;

import deltakv.checker.history.History;
import deltakv.checker.history.Keyword;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each fault cost (HARNESS §4, issue "Harness II"): from the fault's start (its first {@code :nemesis}
 * op) to the first acknowledgement of a write invoked after it, in seconds. A write is a client op that is not a pure read:
 * a transaction with a write micro-op, or any {@code :f} other than the reads below. Faults after which no
 * write was acknowledged report that instead of a number.
 */
public final class Unavailability {
    private static final Set<String> READ_FS = Set.of("read", "r", "llen", "lrange", "get", "card");
    private static final Set<String> READ_MOPS = Set.of("r", "read");

    private Unavailability() {}

    public static List<Map<String, Object>> of(History h) {
        // Acknowledged writes as {invoke time, completion time}, in invoke order: one already in flight when the
        // fault began says nothing about whether the cluster could still take writes.
        List<long[]> writes = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) {
            Op op = h.get(i);
            if (!History.isClient(op) || op.type() != OpType.INVOKE) continue;
            int c = h.completion(i);
            if (c >= 0 && h.get(c).type() == OpType.OK && isWrite(h.get(c))) writes.add(new long[] {op.time(), h.get(c).time()});
        }
        List<Map<String, Object>> out = new ArrayList<>();
        Op asked = null;
        for (Op op : h.ops()) {
            if (History.isClient(op) || op.f() == null || !op.f().startsWith("start-")) continue;
            if (asked == null) { // the first of the pair: what was asked
                asked = op;
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fault", op.f().substring("start-".length()));
            m.put("asked", String.valueOf(asked.value()));
            m.put("start-s", round(asked.time()));
            long start = asked.time();
            Long next = writes.stream().filter(w -> w[0] >= start).map(w -> w[1]).min(Long::compare).orElse(null);
            if (next == null) m.put("unavailable-s", "no write acknowledged after it");
            else m.put("unavailable-s", round(next - start));
            out.add(m);
            asked = null;
        }
        return out;
    }

    private static boolean isWrite(Op op) {
        if (op.f().equals("txn") && op.value() instanceof List<?> mops) {
            for (Object m : mops) {
                if (m instanceof List<?> mop && !mop.isEmpty() && mop.get(0) instanceof Keyword k && !READ_MOPS.contains(k.name())) {
                    return true;
                }
            }
            return false;
        }
        return !READ_FS.contains(op.f());
    }

    private static double round(long nanos) {
        return Math.round(nanos / 1e6) / 1000.0;
    }
}
