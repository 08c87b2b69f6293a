package deltakv.runner.nightly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A nightly's summary, as plain data ({@code nightly.json}; the text and HTML are drawn from it): what was planned,
 * each cell's row, the bench gate's verdict, how much of the matrix the store's nightlies have covered, and the
 * exit code, Jepsen's {@code test-all} rule: 255 if anything crashed, else 2 if anything was unknown, else 1 if a
 * run was invalid, a bug went undetected, a control failed or the gate failed, else 0.
 *
 * @param planned   this machine's cells, in order (rows may be fewer while the nightly runs)
 * @param nightPlan the whole night's cells, every shard's, in plan order (what {@code --merge} orders rows by)
 * @param gate    {@code exit-code}, {@code verdict}, {@code candidate}, {@code output}; null without --baseline
 */
public record Summary(String name, String started, String finished, long seed, double budgetSeconds, int shard, int shards,
                      int slice, int slices, String gitCommit, List<String> planned, List<String> nightPlan, List<Row> rows,
                      Map<String, Object> gate, Coverage coverage) {
    public Summary {
        planned = List.copyOf(planned);
        nightPlan = List.copyOf(nightPlan);
        rows = List.copyOf(rows);
    }

    /** Cells of the matrix that nightlies in one store have run, over the matrix's size. */
    public record Coverage(int covered, int matrix, int nights) {
        public Map<String, Object> toMap() {
            return new LinkedHashMap<>(Map.of("covered", covered, "matrix", matrix, "nights", nights));
        }
    }

    public int exitCode() {
        int gateCode = gate == null ? 0 : ((Number) gate.get("exit-code")).intValue();
        if (rows.stream().anyMatch(Row::crashed) || gateCode > 2 || gateCode < 0 || missing() > 0) return 255;
        if (rows.stream().anyMatch(r -> r.valid().equals("unknown")) || gateCode == 2) return 2;
        if (rows.stream().anyMatch(r -> r.valid().equals("false")) || gateCode == 1) return 1;
        return 0;
    }

    /** Planned cells without a row once the nightly finished (a shard that never reported, a nightly killed). */
    public int missing() {
        return finished == null ? 0 : Math.max(0, planned.size() - rows.size());
    }

    /** Why the exit code is what it is, in a few words. */
    public String exitReason() {
        return switch (exitCode()) {
            case 0 -> "every run valid, every bug detected, every control valid" + (gate == null ? "" : ", the gate passed");
            case 1 -> "an invalid run, a missed bug, a failed control or a failed gate";
            case 2 -> "a verdict was unknown (or the gate could not say)";
            default -> missing() > 0 ? missing() + " planned cells have no result" : "a run crashed or timed out";
        };
    }

    public List<Row> catalogueRows() {
        return rows.stream().filter(r -> r.kind().equals("reproduce")).toList();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("exit-code", exitCode());
        m.put("started", started);
        m.put("finished", finished);
        m.put("seed", seed);
        m.put("budget-seconds", budgetSeconds);
        m.put("shard", shard);
        m.put("shards", shards);
        m.put("slice", slice);
        m.put("slices", slices);
        m.put("git-commit", gitCommit);
        m.put("planned", planned);
        m.put("night-plan", nightPlan);
        List<Object> rs = new ArrayList<>();
        for (Row r : rows) rs.add(r.toMap());
        m.put("rows", rs);
        m.put("gate", gate);
        m.put("coverage", coverage == null ? null : coverage.toMap());
        return m;
    }

    @SuppressWarnings("unchecked")
    public static Summary fromMap(Map<String, Object> m) {
        List<Row> rows = new ArrayList<>();
        for (Object o : list(m, "rows")) {
            if (!(o instanceof Map<?, ?> r)) throw new IllegalArgumentException("a row that is not a map");
            rows.add(Row.fromMap((Map<String, Object>) r));
        }
        Coverage cov = null;
        if (m.get("coverage") instanceof Map<?, ?> c) {
            Map<String, Object> cm = (Map<String, Object>) c;
            cov = new Coverage(num(cm, "covered").intValue(), num(cm, "matrix").intValue(), num(cm, "nights").intValue());
        }
        Map<String, Object> gate = m.get("gate") instanceof Map<?, ?> g ? (Map<String, Object>) g : null;
        if (gate != null && !(gate.get("exit-code") instanceof Number)) throw new IllegalArgumentException("gate without an exit-code");
        return new Summary(String.valueOf(m.get("name")), (String) m.get("started"), (String) m.get("finished"), num(m, "seed").longValue(),
                num(m, "budget-seconds").doubleValue(), num(m, "shard").intValue(), num(m, "shards").intValue(),
                num(m, "slice").intValue(), num(m, "slices").intValue(), (String) m.get("git-commit"),
                list(m, "planned").stream().map(String::valueOf).toList(), list(m, "night-plan").stream().map(String::valueOf).toList(),
                rows, gate, cov);
    }

    private static List<?> list(Map<String, Object> m, String k) {
        return m.get(k) instanceof List<?> l ? l : List.of();
    }

    private static Number num(Map<String, Object> m, String k) {
        if (m.get(k) instanceof Number n) return n;
        throw new IllegalArgumentException("nightly.json has no number '" + k + "'");
    }
}
