package deltakv.checker.elle;

import deltakv.checker.Validity;
import deltakv.checker.history.EdnPrinter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inference needs every appended (or written) value to be unique per key; like Elle, a history that
 * breaks this gets {@code :unknown} rather than a verdict built on a false premise.
 */
final class DuplicateAppends {
    private DuplicateAppends() {}

    static ElleResult check(TxnHistory th) {
        Map<Object, Map<Object, Txn>> written = new HashMap<>();
        for (List<Txn> txns : List.of(th.possible(), th.failed())) {
            for (Txn t : txns) {
                for (Mop m : t.mops()) {
                    if (m.f() == Mop.Kind.READ) {
                        continue;
                    }
                    Txn prev = written.computeIfAbsent(m.key(), k -> new HashMap<>()).put(m.value(), t);
                    if (prev != null) {
                        return unknown(m, t);
                    }
                }
            }
        }
        return null;
    }

    private static ElleResult unknown(Mop m, Txn t) {
        String what = m.f() == Mop.Kind.APPEND ? "appended to" : "written to";
        String msg = "value " + EdnPrinter.print(m.value()) + " " + what + " key " + EdnPrinter.print(m.key())
                + " multiple times (op " + t.op().index() + ")";
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("key", m.key());
        d.put("value", m.value());
        d.put("message", msg);
        String type = m.f() == Mop.Kind.APPEND ? "duplicate-appends" : "duplicate-writes";
        return new ElleResult(Validity.UNKNOWN, Map.of(type, List.of(new AnomalyCase(type, d, msg))), Set.of(), Set.of());
    }
}
