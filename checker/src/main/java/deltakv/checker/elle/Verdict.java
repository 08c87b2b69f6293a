package deltakv.checker.elle;

import deltakv.checker.Validity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Elle's result-map: anomalies the requested models prohibit make the history invalid; the "unknown"
 * kinds (empty graph, search timeout) make it unknown; anything else found is not reported. The
 * {@code not}/{@code also-not} boundary is computed from every anomaly found, reportable or not.
 */
public final class Verdict {
    static final Set<String> UNKNOWN_TYPES = Set.of("empty-transaction-graph", "cycle-search-timeout");

    private Verdict() {}

    public static ElleResult of(List<String> models, Anomalies found) {
        Set<String> prohibited = ConsistencyModels.anomaliesProhibitedBy(models);
        Map<String, List<AnomalyCase>> reportable = new LinkedHashMap<>();
        boolean bad = false;
        for (Map.Entry<String, List<AnomalyCase>> e : found.byType().entrySet()) {
            if (prohibited.contains(e.getKey())) {
                bad = true;
                reportable.put(e.getKey(), e.getValue());
            } else if (UNKNOWN_TYPES.contains(e.getKey())) {
                reportable.put(e.getKey(), e.getValue());
            }
        }
        if (reportable.isEmpty()) {
            return new ElleResult(Validity.TRUE, Map.of(), Set.of(), Set.of());
        }
        ConsistencyModels.Boundary b = ConsistencyModels.boundary(found.byType().keySet());
        return new ElleResult(bad ? Validity.FALSE : Validity.UNKNOWN, reportable, b.not(), b.alsoNot());
    }

    /** Which order edges the models need: realtime when any realtime anomaly matters, else process if any. */
    public static int orderRels(List<String> models) {
        Set<String> prohibited = ConsistencyModels.anomaliesProhibitedBy(models);
        List<String> cycleTypes = CycleSpec.ALL.stream().map(CycleSpec::type).filter(prohibited::contains).toList();
        if (cycleTypes.stream().anyMatch(a -> a.endsWith("-realtime"))) {
            return Rel.REALTIME;
        }
        if (cycleTypes.stream().anyMatch(a -> a.endsWith("-process"))) {
            return Rel.PROCESS;
        }
        return 0;
    }
}
