package deltakv.checker.elle.register;

import deltakv.checker.elle.AnomalyCase;
import deltakv.checker.elle.Anomalies;
import deltakv.checker.elle.EdgeList;
import deltakv.checker.elle.PairExplainer;
import deltakv.checker.elle.TxnHistory;
import deltakv.checker.history.EdnPrinter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the rw-register dependency graph. Version sources are merged one at a time (initial nil, then
 * the optional ones); a source whose addition makes some key's versions cyclic is reported as
 * {@code cyclic-versions} and left out, as Elle does.
 */
public final class RegisterAnalysis {
    private final TxnHistory th;
    private final List<ExtTxn> ext;

    public RegisterAnalysis(TxnHistory th) {
        this.th = th;
        this.ext = VersionSources.ext(th);
    }

    /** Internal, G1a, G1b and lost-update: independent of the graph, so they can run beside it. */
    public void directAnomalies(Anomalies out) {
        RegisterAnomalies.find(th, ext, out);
    }

    /** Adds wr, ww and rw edges (reporting cyclic-versions to {@code out}) and returns their explainer. */
    public PairExplainer graph(Set<String> flags, EdgeList edges, Anomalies out) {
        Map<String, Versions> sources = new LinkedHashMap<>();
        sources.put("initial-state", VersionSources.initial(ext));
        if (flags.contains("wfr-keys")) {
            sources.put("wfr-keys", VersionSources.writesFollowReads(ext));
        }
        if (flags.contains("sequential-keys")) {
            sources.put("sequential-keys", VersionSources.sequential(ext));
        }
        if (flags.contains("linearizable-keys")) {
            sources.put("linearizable-keys", VersionSources.linearizable(ext));
        }
        Versions versions = new Versions();
        List<String> used = new ArrayList<>();
        for (Map.Entry<String, Versions> s : sources.entrySet()) {
            Versions merged = versions.union(s.getValue());
            Map<Object, List<List<Object>>> cycles = merged.cycles();
            if (cycles.isEmpty()) {
                versions = merged;
                used.add(s.getKey());
                continue;
            }
            List<String> srcs = new ArrayList<>(used);
            srcs.add(s.getKey());
            cycles.forEach((k, sccs) -> sccs.forEach(scc -> {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("key", k);
                d.put("scc", scc);
                d.put("sources", srcs);
                out.add(new AnomalyCase("cyclic-versions", d, "Key " + EdnPrinter.print(k) + ": versions "
                        + EdnPrinter.print(scc) + " must each precede the other (from " + String.join(", ", srcs) + ")"));
            }));
        }
        RegisterIndex idx = new RegisterIndex(ext);
        idx.addEdges(versions, edges);
        return new RegisterExplainer(ext, versions);
    }
}
