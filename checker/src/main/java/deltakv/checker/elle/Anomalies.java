package deltakv.checker.elle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Anomaly cases collected by type (sorted by name, as Elle sorts its anomaly types). */
public final class Anomalies {
    private final Map<String, List<AnomalyCase>> byType = new TreeMap<>();

    public void add(AnomalyCase c) {
        byType.computeIfAbsent(c.type(), k -> new ArrayList<>()).add(c);
    }

    public void addAll(Anomalies other) {
        other.byType.forEach((t, cases) -> byType.computeIfAbsent(t, k -> new ArrayList<>()).addAll(cases));
    }

    public Map<String, List<AnomalyCase>> byType() {
        return byType;
    }
}
