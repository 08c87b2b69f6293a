package deltakv.runner.analysis;

import deltakv.checker.history.OpType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Performance statistics of a history: ok ops/s over the run, and latency quantiles (ms) of ok ops per
 * {@code :f} and overall. Not a check: it never affects validity.
 */
public final class Perf {
    private static final double[] QUANTILES = {0.5, 0.95, 0.99, 1.0};

    private Perf() {}

    public static Map<String, Object> of(List<Completed> ops, double seconds) {
        Map<String, Histogram> byF = new TreeMap<>();
        Histogram all = histogram();
        for (Completed c : ops) {
            if (c.type() != OpType.OK) continue;
            long us = Math.max(1, c.latencyNanos() / 1000);
            byF.computeIfAbsent(c.f(), f -> histogram()).recordValue(Math.min(us, all.getHighestTrackableValue()));
            all.recordValue(Math.min(us, all.getHighestTrackableValue()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok-per-second", round(seconds > 0 ? all.getTotalCount() / seconds : 0));
        out.put("latency-ms", quantiles(all));
        Map<String, Object> perF = new LinkedHashMap<>();
        byF.forEach((f, h) -> perF.put(f, quantiles(h)));
        out.put("latency-ms-by-f", perF);
        return out;
    }

    static Histogram histogram() {
        return new Histogram(3_600_000_000L, 3); // up to an hour, in µs
    }

    private static Map<String, Object> quantiles(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (double q : QUANTILES) {
            String name = q == 1.0 ? "max" : "p" + (int) Math.round(q * 100);
            m.put(name, h.getTotalCount() == 0 ? 0.0 : round(h.getValueAtPercentile(q * 100) / 1000.0));
        }
        return m;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
