package deltakv.runner.nightly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one cell left: its verdict as Jepsen colours it ({@code valid}: true, false, unknown or crashed), the
 * detail ({@code status}: valid, invalid, unknown, detected, missed, crashed, timed-out), and where to look.
 *
 * @param workload  for a catalogue row, its scenario's workload (and nemesis, variant)
 * @param bug       the bug flag of a catalogue row, else null
 * @param anomalies anomaly types of the failing checkers (of the detecting run, for a catalogue row)
 * @param ops       operations the run completed (ok + fail + info), 0 for a catalogue row
 * @param testSeconds for a catalogue row, the test seconds to detection (or spent)
 * @param control   a catalogue row's control verdict (valid, invalid, unknown), else null
 * @param runDir    the run (the detecting run of a catalogue row), null if none was made
 * @param output    the cell process's output file
 */
public record Row(String cell, String kind, String workload, String nemesis, String variant, String bug, String valid,
                  String status, List<String> anomalies, long ops, double seconds, double testSeconds, int exitCode,
                  String control, String runDir, String output) {
    public Row {
        anomalies = List.copyOf(anomalies);
    }

    public boolean crashed() {
        return valid.equals("crashed");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", cell);
        m.put("kind", kind);
        m.put("workload", workload);
        m.put("nemesis", nemesis);
        m.put("variant", variant);
        m.put("bug", bug);
        m.put("valid?", valid);
        m.put("status", status);
        m.put("anomalies", anomalies);
        m.put("ops", ops);
        m.put("seconds", seconds);
        m.put("test-seconds", testSeconds);
        m.put("exit-code", exitCode);
        m.put("control", control);
        m.put("run-dir", runDir);
        m.put("output", output);
        return m;
    }

    @SuppressWarnings("unchecked")
    public static Row fromMap(Map<String, Object> m) {
        Object anomalies = m.get("anomalies");
        return new Row(required(m, "cell"), required(m, "kind"), str(m, "workload"), str(m, "nemesis"), str(m, "variant"), str(m, "bug"),
                required(m, "valid?"), required(m, "status"), anomalies instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(),
                num(m, "ops").longValue(),
                num(m, "seconds").doubleValue(), num(m, "test-seconds").doubleValue(), num(m, "exit-code").intValue(),
                str(m, "control"), str(m, "run-dir"), str(m, "output"));
    }

    private static String required(Map<String, Object> m, String k) {
        String v = str(m, k);
        if (v == null) throw new IllegalArgumentException("row has no '" + k + "'");
        return v;
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? null : v.toString();
    }

    private static Number num(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (v instanceof Number n) return n;
        throw new IllegalArgumentException("row has no number '" + k + "'");
    }
}
