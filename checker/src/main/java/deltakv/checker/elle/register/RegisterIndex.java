package deltakv.checker.elle.register;

import deltakv.checker.elle.EdgeList;
import deltakv.checker.elle.Rel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which ok transactions externally read and wrote each key=value, and the edges that follow: wr from the
 * writer of a value to its readers, and for each version edge v1 → v2, ww from v1's writers and rw from
 * v1's readers to v2's writers.
 */
final class RegisterIndex {
    final Map<Object, Map<Object, List<ExtTxn>>> readers = new HashMap<>();
    final Map<Object, Map<Object, List<ExtTxn>>> writers = new HashMap<>();

    RegisterIndex(List<ExtTxn> txns) {
        for (ExtTxn t : txns) {
            if (!t.txn().ok()) {
                continue;
            }
            t.reads().forEach((k, v) -> add(readers, k, v, t));
            t.writes().forEach((k, v) -> add(writers, k, v, t));
        }
    }

    private static void add(Map<Object, Map<Object, List<ExtTxn>>> idx, Object k, Object v, ExtTxn t) {
        idx.computeIfAbsent(k, x -> new HashMap<>()).computeIfAbsent(v, x -> new ArrayList<>(1)).add(t);
    }

    List<ExtTxn> readers(Object k, Object v) {
        return readers.getOrDefault(k, java.util.Collections.emptyMap()).getOrDefault(v, List.of());
    }

    List<ExtTxn> writers(Object k, Object v) {
        return writers.getOrDefault(k, java.util.Collections.emptyMap()).getOrDefault(v, List.of());
    }

    void addEdges(Versions versions, EdgeList out) {
        readers.forEach((k, byValue) -> byValue.forEach((v, rs) -> {
            for (ExtTxn w : writers(k, v)) {
                for (ExtTxn r : rs) {
                    out.add(w.txn().id(), r.txn().id(), Rel.WR);
                }
            }
        }));
        versions.graphs.forEach((k, g) -> g.forEach((v1, vs) -> {
            for (Object v2 : vs) {
                for (ExtTxn b : writers(k, v2)) {
                    for (ExtTxn a : writers(k, v1)) {
                        out.add(a.txn().id(), b.txn().id(), Rel.WW);
                    }
                    for (ExtTxn a : readers(k, v1)) {
                        out.add(a.txn().id(), b.txn().id(), Rel.RW);
                    }
                }
            }
        }));
    }
}
