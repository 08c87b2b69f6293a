package deltakv.checker.elle.append;

import deltakv.checker.elle.AnomalyCase;
import deltakv.checker.elle.Anomalies;
import deltakv.checker.elle.Mop;
import deltakv.checker.elle.Txn;
import deltakv.checker.elle.TxnHistory;
import deltakv.checker.history.EdnPrinter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dirty-update: walking a key's version order, a committed append directly on top of elements that only
 * failed transactions appended (Elle's state machine: info appends neither start nor end such a run).
 */
final class DirtyUpdates {
    private DirtyUpdates() {}

    static void find(TxnHistory th, AppendIndex idx, Anomalies out) {
        Map<Object, Map<Object, Txn>> failed = new HashMap<>();
        for (Txn t : th.failed()) {
            for (Mop m : t.mops()) {
                if (m.f() == Mop.Kind.APPEND) {
                    failed.computeIfAbsent(m.key(), k -> new HashMap<>()).put(m.value(), t);
                }
            }
        }
        // Without a failed append in a key's order there is nothing to find on that key.
        failed.forEach((k, fk) -> {
            Txn t1 = null;
            List<Object> vs = new ArrayList<>();
            for (Object v : idx.order(k)) {
                Txn t2 = fk.containsKey(v) ? fk.get(v) : idx.writer(k, v);
                if (t2 == null) {
                    continue;
                }
                vs.add(v);
                boolean t1Failed = t1 != null && t1.fail();
                if (t2.ok()) {
                    if (t1Failed) {
                        out.add(dirtyUpdate(k, vs, t1, t2));
                    }
                    t1 = t2;
                    vs = new ArrayList<>(List.of(v));
                } else if (t2.fail() && !t1Failed) {
                    t1 = t2;
                    vs = new ArrayList<>(List.of(v));
                }
            }
        });
    }

    private static AnomalyCase dirtyUpdate(Object k, List<Object> vs, Txn failed, Txn committed) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("key", k);
        d.put("values", new ArrayList<>(vs));
        d.put("txns", List.of(Ops.data(failed), "...", Ops.data(committed)));
        return new AnomalyCase("dirty-update", d, "Key " + EdnPrinter.print(k) + ": committed " + Ops.show(committed)
                + "\nappended on top of " + EdnPrinter.print(vs) + ", state written by the failed " + Ops.show(failed));
    }
}
