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
        for (Map.Entry<String, List<AnomalyCase>> e : found.byType().entrySet()) {
            if (prohibited.contains(e.getKey())) {
                reportable.put(e.getKey(), e.getValue());
            } else if (UNKNOWN_TYPES.contains(e.getKey())) {
                reportable.put(e.getKey(), e.getValue());
            }
        }
        removeRedundantCycleExists(reportable);
        if (reportable.isEmpty()) {
            return new ElleResult(Validity.TRUE, Map.of(), Set.of(), Set.of());
        }
        boolean bad = reportable.keySet().stream().anyMatch(prohibited::contains);
        ConsistencyModels.Boundary b = ConsistencyModels.boundary(found.byType().keySet());
        return new ElleResult(bad ? Validity.FALSE : Validity.UNKNOWN, reportable, b.not(), b.alsoNot());
    }

    /**
     * Cycle-exists cases are a fallback: drop those whose model the other reportable anomalies already
     * rule out (Elle's remove-redundant-cycle-exists).
     */
    private static void removeRedundantCycleExists(Map<String, List<AnomalyCase>> reportable) {
        List<String> others = reportable.keySet().stream().filter(t -> CycleExists.model(t) == null).toList();
        Set<String> impossible = ConsistencyModels.impossibleModels(others);
        reportable.keySet().removeIf(t -> {
            String m = CycleExists.model(t);
            return m != null && impossible.contains(m);
        });
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
