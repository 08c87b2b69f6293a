package deltakv.runner.analysis;

import deltakv.checker.history.History;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Jepsen's {@code stats} check: counts of ok/fail/info per {@code :f}, and not valid when some {@code :f}
 * never once succeeded — a cluster that answers nothing, or answers only errors, must not pass. Also not
 * valid when the server answered {@code ERR internal error}: that is the engine reporting a broken invariant
 * of its own (a list item missing under its metadata, say), which no correct run produces; the ops stay
 * {@code :info} for the other checkers, since what they did is unknown.
 */
public final class Stats {
    private Stats() {}

    /** @param internalErrors the error messages of ops answered {@code ERR internal error}, in history order */
    public static Map<String, Object> check(List<Completed> ops, List<String> internalErrors) {
        Map<String, long[]> byF = new TreeMap<>();
        long[] all = new long[3];
        for (Completed c : ops) {
            long[] n = byF.computeIfAbsent(c.f(), f -> new long[3]);
            int slot = c.type() == OpType.OK ? 0 : c.type() == OpType.FAIL ? 1 : 2;
            n[slot]++;
            all[slot]++;
        }
        Map<String, Object> perF = new LinkedHashMap<>();
        StringBuilder never = new StringBuilder();
        byF.forEach((f, n) -> {
            perF.put(f, counts(n));
            if (n[0] == 0) never.append(never.isEmpty() ? "" : ", ").append(f);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        boolean valid = !ops.isEmpty() && never.isEmpty() && internalErrors.isEmpty();
        out.put("valid?", valid);
        out.putAll(counts(all));
        out.put("by-f", perF);
        if (!internalErrors.isEmpty()) {
            out.put("internal-error-count", internalErrors.size());
            out.put("anomaly-types", List.of("internal-error"));
        }
        if (ops.isEmpty()) out.put("error", "no client op was invoked");
        else if (!never.isEmpty()) out.put("error", "no :" + never + " op ever succeeded");
        else if (!internalErrors.isEmpty()) {
            out.put("error", internalErrors.size() + " op(s) answered ERR internal error, first: " + internalErrors.get(0));
        }
        return out;
    }

    /** Errors of client ops the server answered with {@code ERR internal error}. */
    public static List<String> internalErrors(History h) {
        List<String> out = new ArrayList<>();
        for (Op op : h.ops()) {
            if (History.isClient(op) && op.type() != OpType.INVOKE && op.error() != null
                    && String.valueOf(op.error()).contains("ERR internal error")) {
                out.add(String.valueOf(op.error()));
            }
        }
        return out;
    }

    private static Map<String, Object> counts(long[] n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", n[0] + n[1] + n[2]);
        m.put("ok-count", n[0]);
        m.put("fail-count", n[1]);
        m.put("info-count", n[2]);
        return m;
    }
}
