package deltakv.runner.report;

import deltakv.checker.history.History;
import deltakv.checker.history.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A shaded period in the plots and the timeline: from a fault kind's start op to its next stop op in the
 * history's {@code :nemesis} ops (an unmatched start runs to the end). The kinds, their start/stop
 * {@code :f} and colours come from the nemesis package's plot bands, stored in test.json.
 */
public record FaultPeriod(String kind, double startSeconds, double endSeconds, int rgb) {
    public static List<FaultPeriod> of(History h, List<Map<String, Object>> bands) {
        List<FaultPeriod> out = new ArrayList<>();
        double end = h.ops().isEmpty() ? 0 : h.get(h.size() - 1).time() / 1e9;
        for (Map<String, Object> b : bands) {
            String kind = String.valueOf(b.get("kind"));
            String startF = String.valueOf(b.get("start-f"));
            String stopF = String.valueOf(b.get("stop-f"));
            int rgb = ((Number) b.getOrDefault("rgb", 0xCCCCCC)).intValue();
            Double open = null;
            for (Op op : h.ops()) {
                if (History.isClient(op) || op.f() == null) continue;
                // each fault is two ops (asked, done): the first of a pair opens or closes the period
                if (op.f().equals(startF) && open == null) open = op.time() / 1e9;
                else if (op.f().equals(stopF) && open != null) {
                    out.add(new FaultPeriod(kind, open, op.time() / 1e9, rgb));
                    open = null;
                }
            }
            if (open != null) out.add(new FaultPeriod(kind, open, end, rgb));
        }
        return out;
    }

    /** As stored in test.json from a package's plot bands. */
    public static Map<String, Object> band(String kind, String startF, String stopF, int rgb) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("start-f", startF);
        m.put("stop-f", stopF);
        m.put("rgb", rgb);
        return m;
    }
}
