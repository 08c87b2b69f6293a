package deltakv.checker.elle;

import deltakv.checker.Validity;
import deltakv.checker.history.EdnPrinter;
import deltakv.checker.history.History;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.HashMap;
import java.util.HashSet;
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
        History h = th.history();
        Map<Object, Set<Object>> written = new HashMap<>();
        for (Op op : h.ops()) {
            if (op.type() != OpType.INVOKE || !History.isClient(op) || !(op.value() instanceof List<?> mops)) {
                continue;
            }
            for (Object o : mops) {
                Mop m = Mop.parse(o);
                if (m == null || m.f() == Mop.Kind.READ) {
                    continue;
                }
                if (!written.computeIfAbsent(m.key(), k -> new HashSet<>()).add(m.value())) {
                    String what = m.f() == Mop.Kind.APPEND ? "appended to" : "written to";
                    String msg = "value " + EdnPrinter.print(m.value()) + " " + what + " key "
                            + EdnPrinter.print(m.key()) + " multiple times (op " + op.index() + ")";
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("key", m.key());
                    d.put("value", m.value());
                    d.put("message", msg);
                    String type = m.f() == Mop.Kind.APPEND ? "duplicate-appends" : "duplicate-writes";
                    return new ElleResult(Validity.UNKNOWN, Map.of(type, List.of(new AnomalyCase(type, d, msg))),
                            Set.of(), Set.of());
                }
            }
        }
        return null;
    }
}
