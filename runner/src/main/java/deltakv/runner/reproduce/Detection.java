package deltakv.runner.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario over several trials (first seeds): how often its bug was caught, the median test seconds to
 * detection over the trials that caught it, and how many controls were valid. The row of docs/anomalies.md's
 * detection table and of the 5-seed benchmark under results/reproduce/.
 *
 * @param medianSeconds NaN when no trial detected the bug
 */
public record Detection(String bug, int trials, int detected, double medianSeconds, int controls, int controlsValid) {
    /** Rows in first-seen scenario order. */
    public static List<Detection> of(List<Reproduce.Outcome> outcomes) {
        Map<String, List<Reproduce.Outcome>> byBug = new LinkedHashMap<>();
        for (Reproduce.Outcome o : outcomes) byBug.computeIfAbsent(o.scenario().bug(), k -> new ArrayList<>()).add(o);
        List<Detection> out = new ArrayList<>();
        for (var e : byBug.entrySet()) {
            List<Double> seconds = new ArrayList<>();
            int controls = 0;
            int valid = 0;
            for (Reproduce.Outcome o : e.getValue()) {
                if (o.status() == Reproduce.Status.DETECTED) seconds.add(o.seconds());
                if (o.control() != Reproduce.Control.NOT_RUN) controls++;
                if (o.control() == Reproduce.Control.VALID) valid++;
            }
            out.add(new Detection(e.getKey(), e.getValue().size(), seconds.size(), median(seconds), controls, valid));
        }
        return out;
    }

    static double median(List<Double> xs) {
        if (xs.isEmpty()) return Double.NaN;
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
