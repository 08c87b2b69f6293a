package deltakv.checker.elle;

import deltakv.checker.CheckOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workload-independent half of an Elle check: add order edges the models need, build the graph,
 * search it for cycles within the time budget, and record them (with explanations) as anomalies.
 */
public final class CycleAnalysis {
    /** Used when no --time-limit is given: generous, but never a hang. */
    public static final double DEFAULT_TIME_LIMIT_SECONDS = 60;

    private CycleAnalysis() {}

    /** @param dataExplainOrder the order the workload's explainer tries ww, wr and rw (see {@link CycleSearch}) */
    public static void run(TxnHistory th, EdgeList edges, PairExplainer dataExplainer, int[] dataExplainOrder,
                           CheckOptions opts, Anomalies out) {
        int order = Verdict.orderRels(opts.consistencyModels());
        if (order == Rel.REALTIME) {
            OrderEdges.realtime(th, edges);
        } else if (order == Rel.PROCESS) {
            OrderEdges.process(th, edges);
        }
        Graph g = edges.build(th.size());
        if (!g.hasEdges()) {
            out.add(new AnomalyCase("empty-transaction-graph", Map.of(),
                    "No transaction depends on another: there is nothing to check."));
            return;
        }
        double limit = opts.timeLimitSeconds() > 0 ? opts.timeLimitSeconds() : DEFAULT_TIME_LIMIT_SECONDS;
        int[] explainOrder = java.util.Arrays.copyOf(dataExplainOrder, dataExplainOrder.length + 2);
        explainOrder[dataExplainOrder.length] = Rel.PROCESS;
        explainOrder[dataExplainOrder.length + 1] = Rel.REALTIME;
        CycleSearch.Found found = new CycleSearch(g, th, Deadline.in(limit), explainOrder).run();
        PairExplainer ex = new OrderExplainer(th.history(), dataExplainer);
        found.cycles().forEach((type, cycles) -> {
            for (Cycle c : cycles) {
                out.add(CycleReport.of(type, c, th, ex));
            }
        });
        found.cycleExists().forEach(out::add);
        for (Map<String, Object> t : found.timeouts()) {
            Map<String, Object> d = new LinkedHashMap<>(t);
            d.put("time-limit-seconds", limit);
            out.add(new AnomalyCase("cycle-search-timeout", d, "Cycle search ran out of its " + limit
                    + " s budget in an SCC of " + t.get("scc-size") + " transactions (searching for "
                    + t.get("anomaly-spec-type") + "); some cycles may be unreported."));
        }
    }

    /** Validates model names early (IllegalArgumentException with a one-line reason). */
    public static List<String> models(CheckOptions opts) {
        return ConsistencyModels.validate(opts.consistencyModels());
    }
}
