package deltakv.checker.elle;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small named DAG with breadth-first closure in either direction (for the model/anomaly lattices). */
final class Dag {
    private final Map<String, Set<String>> out = new HashMap<>();
    private final Map<String, Set<String>> in = new HashMap<>();

    void edge(String a, String b) {
        out.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b);
        in.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(a);
        out.computeIfAbsent(b, k -> new LinkedHashSet<>());
        in.computeIfAbsent(a, k -> new LinkedHashSet<>());
    }

    void edges(String a, String... bs) {
        for (String b : bs) {
            edge(a, b);
        }
    }

    Set<String> vertices() {
        return out.keySet();
    }

    Set<String> out(String v) {
        return out.getOrDefault(v, Set.of());
    }

    Set<String> in(String v) {
        return in.getOrDefault(v, Set.of());
    }

    /** The starting vertices plus everything reachable from them along out-edges. */
    Set<String> downstream(Collection<String> from) {
        return bfs(from, true);
    }

    /** The starting vertices plus everything that reaches them. */
    Set<String> upstream(Collection<String> from) {
        return bfs(from, false);
    }

    private Set<String> bfs(Collection<String> from, boolean forward) {
        Set<String> seen = new LinkedHashSet<>(from);
        ArrayDeque<String> q = new ArrayDeque<>(from);
        while (!q.isEmpty()) {
            for (String w : forward ? out(q.poll()) : in(q.poll())) {
                if (seen.add(w)) {
                    q.add(w);
                }
            }
        }
        return seen;
    }

    static Dag of(Map<String, List<String>> m) {
        Dag d = new Dag();
        m.forEach((a, bs) -> bs.forEach(b -> d.edge(a, b)));
        return d;
    }
}
