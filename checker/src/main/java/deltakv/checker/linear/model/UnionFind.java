package deltakv.checker.linear.model;

import java.util.HashMap;
import java.util.Map;

/** Disjoint sets over arbitrary keys (path halving), for splitting histories into independent components. */
final class UnionFind<T> {
    private final Map<T, T> parent = new HashMap<>();

    T find(T x) {
        parent.putIfAbsent(x, x);
        T p = parent.get(x);
        while (!p.equals(x)) {
            T gp = parent.get(p);
            parent.put(x, gp);
            x = gp;
            p = parent.get(x);
        }
        return x;
    }

    void union(T a, T b) {
        T ra = find(a);
        T rb = find(b);
        if (!ra.equals(rb)) parent.put(ra, rb);
    }
}
