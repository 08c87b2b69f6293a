package deltakv.checker.elle.append;

import deltakv.checker.elle.Anomalies;
import deltakv.checker.elle.LostUpdateCases;
import deltakv.checker.elle.Mop;
import deltakv.checker.elle.Txn;
import deltakv.checker.elle.TxnHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** lost-update: two committed transactions read the same state of a key and then both appended to it. */
final class LostUpdates {
    private LostUpdates() {}

    static void find(TxnHistory th, Anomalies out) {
        Map<Object, Map<Object, List<Txn>>> byKeyValue = new LinkedHashMap<>();
        for (Txn t : th.possible()) {
            if (!t.ok()) {
                continue;
            }
            List<Mop> ms = t.mops();
            for (int j = 0; j < ms.size(); j++) {
                Mop w = ms.get(j);
                if (w.f() != Mop.Kind.APPEND || !firstAppend(ms, j)) {
                    continue;
                }
                Mop r = firstRead(ms, w.key(), j);
                if (r != null) {
                    byKeyValue.computeIfAbsent(w.key(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(r.value(), x -> new ArrayList<>()).add(t);
                }
            }
        }
        LostUpdateCases.report(byKeyValue, "appended to it", out);
    }

    private static boolean firstAppend(List<Mop> ms, int j) {
        for (int i = 0; i < j; i++) {
            if (ms.get(i).f() == Mop.Kind.APPEND && Objects.equals(ms.get(i).key(), ms.get(j).key())) {
                return false;
            }
        }
        return true;
    }

    private static Mop firstRead(List<Mop> ms, Object k, int before) {
        for (int i = 0; i < before; i++) {
            if (ms.get(i).isRead() && Objects.equals(ms.get(i).key(), k)) {
                return ms.get(i);
            }
        }
        return null;
    }
}
