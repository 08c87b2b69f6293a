package deltakv.checker.elle.register;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Per-key version graphs: v1 → v2 when version v1 of a key must precede v2. {@code null} is the initial nil. */
final class Versions {
    /** "This transaction did not touch the key." */
    static final Object NONE = new Object();

    final Map<Object, Map<Object, Set<Object>>> graphs = new LinkedHashMap<>();

    void link(Object k, Object v1, Object v2) {
        if (Objects.equals(v1, v2) || v1 == NONE || v2 == NONE) {
            return;
        }
        graphs.computeIfAbsent(k, x -> new LinkedHashMap<>()).computeIfAbsent(v1, x -> new LinkedHashSet<>()).add(v2);
    }

    boolean precedes(Object k, Object v1, Object v2) {
        Map<Object, Set<Object>> g = graphs.get(k);
        Set<Object> out = g == null ? null : g.get(v1);
        return out != null && out.contains(v2);
    }

    Versions union(Versions o) {
        Versions u = new Versions();
        for (Versions src : List.of(this, o)) {
            src.graphs.forEach((k, g) -> g.forEach((v1, vs) -> vs.forEach(v2 -> u.link(k, v1, v2))));
        }
        return u;
    }

    /** Nontrivial strongly connected sets of versions, per key — a version order that cannot be total. */
    Map<Object, List<List<Object>>> cycles() {
        Map<Object, List<List<Object>>> out = new LinkedHashMap<>();
        graphs.forEach((k, g) -> {
            Map<Object, Integer> id = new HashMap<>();
            List<Object> values = new ArrayList<>();
            g.forEach((v1, vs) -> {
                id.computeIfAbsent(v1, x -> { values.add(x); return values.size() - 1; });
                vs.forEach(v2 -> id.computeIfAbsent(v2, x -> { values.add(x); return values.size() - 1; }));
            });
            deltakv.checker.elle.EdgeList e = new deltakv.checker.elle.EdgeList();
            g.forEach((v1, vs) -> vs.forEach(v2 -> e.add(id.get(v1), id.get(v2), deltakv.checker.elle.Rel.WW)));
            int[] comp = deltakv.checker.elle.Scc.components(e.build(values.size()), deltakv.checker.elle.Rel.WW);
            Map<Integer, List<Object>> sccs = new LinkedHashMap<>();
            for (int i = 0; i < comp.length; i++) {
                if (comp[i] >= 0) {
                    sccs.computeIfAbsent(comp[i], x -> new ArrayList<>()).add(values.get(i));
                }
            }
            if (!sccs.isEmpty()) {
                out.put(k, new ArrayList<>(sccs.values()));
            }
        });
        return out;
    }
}
