package deltakv.checker.elle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Elle's fallback evidence: for each model, whether the subgraph of the relations it forbids cycles in
 * has a cycle inside an SCC at all ({@code PL-2-cycle-exists}, {@code strong-snapshot-isolation-cycle-exists}
 * …), even where no named cycle was found or named as expected. Snapshot-isolation-like models use the
 * "extension" of ww/wr(/order) edges by one rw step, so a single transaction can close a cycle on itself.
 */
final class CycleExists {
    private static final int WW_WR = Rel.WW | Rel.WR;

    /** One spec: a canonical model and its subgraph (a union mask, or a union extended by rw). */
    private record Spec(String model, int union, boolean extension, List<Object> subgraph) {}

    private static final List<Spec> SPECS = List.of(
            union("PL-1", Rel.WW, "ww", "wwp"),
            union("PL-2", WW_WR, "ww", "wwp", "wr", "wrp"),
            extension("PL-SI", WW_WR, "ww", "wwp", "wr", "wrp"),
            union("PL-2.99", Rel.DATA, "ww", "wwp", "wr", "wrp", "rw"),
            union("PL-3", Rel.DATA, "ww", "wwp", "wr", "wrp", "rw", "rwp"),
            union("strong-session-PL-1", Rel.WW | Rel.PROCESS, "ww", "wwp", "process"),
            union("strong-session-PL-2", WW_WR | Rel.PROCESS, "ww", "wwp", "wr", "wrp", "process"),
            extension("strong-session-snapshot-isolation", WW_WR | Rel.PROCESS, "ww", "wwp", "wr", "wrp", "process"),
            union("strong-session-serializable", Rel.DATA | Rel.PROCESS, "ww", "wwp", "wr", "wrp", "rw", "rwp", "process"),
            union("strong-PL-1", Rel.WW | Rel.REALTIME, "ww", "wwp", "realtime"),
            union("strong-PL-2", WW_WR | Rel.REALTIME, "ww", "wwp", "wr", "wrp", "realtime"),
            extension("strong-snapshot-isolation", WW_WR | Rel.REALTIME, "ww", "wwp", "wr", "wrp", "realtime"),
            union("PL-SS", Rel.DATA | Rel.REALTIME, "ww", "wwp", "wr", "wrp", "rw", "rwp", "realtime"));

    /** Above this many composed edges in one SCC we skip an extension spec rather than exhaust memory. */
    private static final long MAX_EXTENSION_EDGES = 20_000_000L;

    private final Graph g;
    private final int[] comp;
    private final Map<Integer, int[]> unionComponents = new java.util.HashMap<>();

    CycleExists(Graph g, int[] comp) {
        this.g = g;
        this.comp = comp;
    }

    private static Spec union(String model, int mask, String... names) {
        List<Object> sg = new ArrayList<>(List.of("union"));
        sg.addAll(List.of(names));
        return new Spec(model, mask, false, sg);
    }

    private static Spec extension(String model, int mask, String... names) {
        List<Object> a = new ArrayList<>(List.of("union"));
        a.addAll(List.of(names));
        return new Spec(model, mask, true, List.of("extension", a, List.of("union", "rw", "rwp")));
    }

    /** The cycle-exists cases of one SCC, skipping models already implied impossible by an earlier case. */
    List<AnomalyCase> cases(int sccId, int[] members, TxnHistory th) {
        List<AnomalyCase> out = new ArrayList<>();
        Set<String> redundant = new HashSet<>();
        for (Spec s : SPECS) {
            if (redundant.contains(s.model())) {
                continue;
            }
            List<Integer> smallest = s.extension() ? extensionScc(s, sccId, members) : unionScc(s, members);
            if (smallest == null) {
                continue;
            }
            List<Long> indices = new ArrayList<>();
            for (int v : smallest) {
                indices.add(th.get(v).op().index());
            }
            indices.sort(null);
            String type = s.model() + "-cycle-exists";
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("type", type);
            d.put("not", ConsistencyModels.friendly(s.model()));
            d.put("subgraph", s.subgraph());
            d.put("scc-size", smallest.size());
            d.put("scc", indices);
            out.add(new AnomalyCase(type, d, "A cycle exists in the " + describe(s) + " graph among the "
                    + smallest.size() + " transaction(s) with indices " + indices + ", so "
                    + ConsistencyModels.friendly(s.model()) + " cannot hold (no more specific cycle was named there)."));
            redundant.addAll(ConsistencyModels.modelsImplying(s.model()));
        }
        return out;
    }

    /** "ww|wr|realtime" or "ww|wr|realtime extended by one rw step". */
    private static String describe(Spec s) {
        List<?> union = s.extension() ? (List<?>) s.subgraph().get(1) : s.subgraph();
        String rels = String.join("|", union.subList(1, union.size()).stream().map(Object::toString)
                .filter(r -> !r.endsWith("p")).toList()); // wwp, wrp, rwp: predicate relations, never present here
        return s.extension() ? rels + " extended by one rw step" : rels;
    }

    private List<Integer> unionScc(Spec s, int[] members) {
        int[] sub = unionComponents.computeIfAbsent(s.union(), m -> Scc.components(g, m, comp));
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int v : members) {
            if (sub[v] >= 0) {
                groups.computeIfAbsent(sub[v], k -> new ArrayList<>()).add(v);
            }
        }
        return smallest(groups.values());
    }

    /** SCCs of A ∪ (A;rw) restricted to this SCC, where A is the union mask; self-loops count. */
    private List<Integer> extensionScc(Spec s, int sccId, int[] members) {
        Map<Integer, Integer> local = new java.util.HashMap<>();
        for (int i = 0; i < members.length; i++) {
            local.put(members[i], i);
        }
        EdgeList edges = new EdgeList();
        boolean[] selfLoop = new boolean[members.length];
        long composed = 0;
        for (int i = 0; i < members.length; i++) {
            int x = members[i];
            for (int e = g.begin(x); e < g.end(x); e++) {
                int y = g.target(e);
                if (comp[y] != sccId || (g.rels(e) & s.union()) == 0) {
                    continue;
                }
                edges.add(i, local.get(y), Rel.WW);
                for (int f = g.begin(y); f < g.end(y); f++) {
                    int z = g.target(f);
                    if (comp[z] != sccId || (g.rels(f) & Rel.RW) == 0) {
                        continue;
                    }
                    if (++composed > MAX_EXTENSION_EDGES) {
                        return null;
                    }
                    if (z == x) {
                        selfLoop[i] = true;
                    } else {
                        edges.add(i, local.get(z), Rel.WW);
                    }
                }
            }
        }
        int[] sub = Scc.components(edges.build(members.length), Rel.WW);
        List<List<Integer>> groups = new ArrayList<>();
        Map<Integer, List<Integer>> byId = new LinkedHashMap<>();
        for (int i = 0; i < members.length; i++) {
            if (sub[i] >= 0) {
                byId.computeIfAbsent(sub[i], k -> new ArrayList<>()).add(members[i]);
            } else if (selfLoop[i]) {
                groups.add(List.of(members[i]));
            }
        }
        groups.addAll(byId.values());
        return smallest(groups);
    }

    private static List<Integer> smallest(java.util.Collection<List<Integer>> groups) {
        List<Integer> best = null;
        for (List<Integer> grp : groups) {
            if (best == null || grp.size() < best.size()) {
                best = grp;
            }
        }
        return best;
    }

    /** The canonical model named by a cycle-exists type, or null for other types. */
    static String model(String type) {
        return type.endsWith("-cycle-exists") ? type.substring(0, type.length() - "-cycle-exists".length()) : null;
    }
}
