package deltakv.checker.elle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds cycle anomalies: splits the graph into SCCs (no cycle leaves one), then per SCC tries each
 * {@link CycleSpec} in severity order, skipping types implied by one already found there (as Elle does),
 * seeding walks from each candidate edge. Each SCC/spec pair gets a slice of the budget; when the whole
 * budget runs out the search stops and reports {@code cycle-search-timeout}.
 */
public final class CycleSearch {
    /** Per SCC and spec: Elle allows one second per SCC before falling back. */
    private static final double SLICE_SECONDS = 1.0;

    private final Graph g;
    private final Deadline deadline;
    private final int[] explainOrder;
    private final TxnHistory th;
    /** Set by {@link #firstCycle} when it gave up because its time slice ran out. */
    private boolean sliceExpired;
    // SCCs of the subgraph each spec may use: a seed edge outside one cannot close a walk.
    private final Map<Integer, int[]> subComponents = new java.util.HashMap<>();

    /**
     * @param explainOrder the order in which the workload's explainer tries data relations (Elle explains an
     *                     edge by the first relation that holds, and names the cycle from those)
     */
    public CycleSearch(Graph g, TxnHistory th, Deadline deadline, int[] explainOrder) {
        this.g = g;
        this.th = th;
        this.deadline = deadline;
        this.explainOrder = explainOrder;
    }

    /** Results: cycles by type, and timeouts (SCC sizes) when the budget ran out. */
    public record Found(Map<String, List<Cycle>> cycles, List<AnomalyCase> cycleExists,
                        List<Map<String, Object>> timeouts) {}

    public Found run() {
        Map<String, List<Cycle>> found = new LinkedHashMap<>();
        List<Map<String, Object>> timeouts = new ArrayList<>();
        int[] comp = Scc.components(g, Rel.DATA | Rel.PROCESS | Rel.REALTIME);
        List<int[]> sccs = groups(comp);
        int[] scratch = new int[g.vertices()];
        CycleExists exists = new CycleExists(g, comp);
        List<AnomalyCase> existsCases = new ArrayList<>();
        for (int id = 0; id < sccs.size(); id++) {
            if (deadline.passed()) {
                timeouts.add(Map.of("scc-size", sccs.get(id).length, "anomaly-spec-type", "none"));
                continue;
            }
            existsCases.addAll(exists.cases(id, sccs.get(id), th));
            searchScc(comp, id, sccs.get(id), scratch, found, timeouts);
        }
        return new Found(found, existsCases, timeouts);
    }

    private void searchScc(int[] comp, int id, int[] members, int[] scratch, Map<String, List<Cycle>> found,
                           List<Map<String, Object>> timeouts) {
        WalkSearch walks = new WalkSearch(g, comp, id, members, scratch);
        java.util.Set<String> redundant = new java.util.HashSet<>();
        boolean any = false;
        String timedOut = null;
        for (CycleSpec spec : CycleSpec.ALL) {
            if (redundant.contains(spec.type())) {
                continue;
            }
            if (deadline.passed()) {
                timedOut = spec.type();
                break;
            }
            sliceExpired = false;
            Cycle c = firstCycle(walks, comp, id, members, spec, deadline.slice(SLICE_SECONDS));
            if (sliceExpired && timedOut == null) {
                timedOut = spec.type();
            }
            if (c != null) {
                any = true;
                found.computeIfAbsent(c.classify(), k -> new ArrayList<>()).add(c);
                redundant.addAll(AnomalyLattice.implied(Set.of(spec.type())));
            }
        }
        if (timedOut != null) {
            // As Elle does on a timeout: say so (the verdict becomes unknown unless something prohibited was
            // found), and if nothing was named here, report whichever cycle a plain search finds.
            timeouts.add(Map.of("scc-size", members.length, "anomaly-spec-type", timedOut));
            if (!any) {
                CycleSpec anyCycle = new CycleSpec("cycle", Rel.DATA, Rel.DATA | Rel.PROCESS | Rel.REALTIME,
                        CycleSpec.Shape.ANY, 0);
                Cycle c = firstCycle(walks, comp, id, members, anyCycle, deadline.slice(SLICE_SECONDS));
                if (c != null) {
                    found.computeIfAbsent(c.classify(), k -> new ArrayList<>()).add(c);
                }
            }
        }
    }

    private Cycle firstCycle(WalkSearch walks, int[] comp, int id, int[] members, CycleSpec spec, Deadline slice) {
        int[] sub = subComponents.computeIfAbsent(spec.pathRels() | spec.seedRel(), m -> Scc.components(g, m, comp));
        for (int a : members) {
            if (sub[a] < 0) {
                continue;
            }
            for (int e = g.begin(a); e < g.end(a); e++) {
                int b = g.target(e);
                if (comp[b] != id || sub[b] != sub[a] || (g.rels(e) & spec.seedRel()) == 0) {
                    continue;
                }
                Cycle c = walks.search(spec, a, b);
                if (c != null) {
                    c = asExplained(c);
                    // Like Elle, G0 and G1c searches keep whatever the explanation calls the cycle; the
                    // others must be explained as exactly the type searched for.
                    if (!spec.typed() || c.classify().equals(spec.type())) {
                        return c;
                    }
                }
                if (slice.passed()) {
                    sliceExpired = true;
                    return null;
                }
            }
        }
        return null;
    }

    /** The cycle with each edge labelled as the explainer will explain it: its first relation in explain order. */
    private Cycle asExplained(Cycle c) {
        int n = c.length();
        int[] rels = new int[n];
        for (int i = 0; i < n; i++) {
            int mask = g.rels(c.txns()[i], c.txns()[(i + 1) % n]);
            rels[i] = c.rels()[i];
            for (int r : explainOrder) {
                if ((mask & r) != 0) {
                    rels[i] = r;
                    break;
                }
            }
        }
        return new Cycle(c.txns(), rels);
    }

    private static List<int[]> groups(int[] comp) {
        int k = 0;
        for (int c : comp) {
            k = Math.max(k, c + 1);
        }
        int[] sizes = new int[k];
        for (int c : comp) {
            if (c >= 0) {
                sizes[c]++;
            }
        }
        List<int[]> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            out.add(new int[sizes[i]]);
        }
        int[] fill = new int[k];
        for (int v = 0; v < comp.length; v++) {
            if (comp[v] >= 0) {
                out.get(comp[v])[fill[comp[v]]++] = v;
            }
        }
        return out;
    }
}
