package deltakv.checker.elle.append;

import deltakv.checker.elle.EdgeList;
import deltakv.checker.elle.Mop;
import deltakv.checker.elle.Rel;
import deltakv.checker.elle.Txn;
import deltakv.checker.elle.TxnHistory;
import java.util.List;

/**
 * The ww, wr and rw edges of a list-append history (Adya's direct dependencies, with version orders
 * read off the longest list per key): b wr-depends on the appender of the last element it read; an
 * append ww-depends on the appender of the element before it; and every reader of that previous state
 * rw-precedes the append.
 */
public final class AppendGraph {
    private AppendGraph() {}

    public static void addEdges(TxnHistory th, AppendIndex idx, EdgeList out) {
        for (Txn t : th.possible()) {
            for (Mop m : t.mops()) {
                Object k = m.key();
                if (m.f() == Mop.Kind.READ) {
                    if (m.value() instanceof List<?> v && !v.isEmpty()) {
                        Txn w = idx.writer(k, v.get(v.size() - 1));
                        if (w != null) {
                            out.add(w.id(), t.id(), Rel.WR);
                        }
                    }
                    continue;
                }
                Object prev = idx.previous(k, m.value());
                if (prev != AppendIndex.INIT) {
                    Txn w = idx.writer(k, prev);
                    if (w != null) {
                        out.add(w.id(), t.id(), Rel.WW);
                    }
                }
                for (Txn r : idx.readers(k, prev)) {
                    out.add(r.id(), t.id(), Rel.RW);
                }
            }
        }
    }
}
