package deltakv.checker.elle.append;

import deltakv.checker.elle.AnomalyCase;
import deltakv.checker.elle.Anomalies;
import deltakv.checker.elle.Mop;
import deltakv.checker.elle.Txn;
import deltakv.checker.elle.TxnHistory;
import deltakv.checker.history.EdnPrinter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** G1a (a committed read shows an element only a failed transaction appended) and G1b (intermediate read). */
final class AbortedReads {
    private AbortedReads() {}

    static void find(TxnHistory th, AppendIndex idx, Anomalies out) {
        Map<Object, Map<Object, Txn>> failed = new HashMap<>();
        Map<Object, Map<Object, Txn>> intermediate = new HashMap<>();
        for (Txn t : th.failed()) {
            for (Mop m : t.mops()) {
                if (m.f() == Mop.Kind.APPEND) {
                    failed.computeIfAbsent(m.key(), k -> new HashMap<>()).put(m.value(), t);
                }
            }
            intermediates(t, intermediate);
        }
        for (Txn t : th.possible()) {
            intermediates(t, intermediate);
        }
        Map<Object, Integer> firstFailed = firstFailedPositions(failed, idx);
        for (Txn t : th.possible()) {
            if (!t.ok()) {
                continue;
            }
            for (Mop m : t.mops()) {
                if (m.f() != Mop.Kind.READ || !(m.value() instanceof List<?> v) || v.isEmpty()) {
                    continue;
                }
                Map<Object, Txn> f = failed.get(m.key());
                if (f != null && mayHoldFailed(idx, m.key(), v, firstFailed)) {
                    for (Object e : v) {
                        Txn w = f.get(e);
                        if (w != null) {
                            out.add(readCase("G1a", t, m, w, e, " was appended by a failed transaction"));
                        }
                    }
                }
                Map<Object, Txn> im = intermediate.get(m.key());
                Object last = v.get(v.size() - 1);
                Txn w = im == null ? null : im.get(last);
                if (w != null && w != t) {
                    out.add(readCase("G1b", t, m, w, last, " was not its writer's final append to the key"));
                }
            }
        }
    }

    /**
     * Per key, the earliest position of a failed element in the version order. A read that is a prefix
     * of the order (all reads of a clean key are) holds a failed element only if it reaches that far, so
     * most reads need no element-by-element scan.
     */
    private static Map<Object, Integer> firstFailedPositions(Map<Object, Map<Object, Txn>> failed, AppendIndex idx) {
        Map<Object, Integer> first = new HashMap<>();
        failed.forEach((k, elems) -> {
            int min = Integer.MAX_VALUE;
            for (Object e : elems.keySet()) {
                int p = idx.position(k, e);
                if (p >= 0) {
                    min = Math.min(min, p);
                }
            }
            first.put(k, min);
        });
        return first;
    }

    private static boolean mayHoldFailed(AppendIndex idx, Object k, List<?> v, Map<Object, Integer> firstFailed) {
        return !idx.clean(k) || v.size() > firstFailed.get(k);
    }

    /** All but each key's last append in t are intermediate states. */
    private static void intermediates(Txn t, Map<Object, Map<Object, Txn>> into) {
        List<Mop> ms = t.mops();
        for (int i = 0; i < ms.size(); i++) {
            Mop a = ms.get(i);
            if (a.f() != Mop.Kind.APPEND) {
                continue;
            }
            for (int j = i + 1; j < ms.size(); j++) {
                Mop b = ms.get(j);
                if (b.f() == Mop.Kind.APPEND && java.util.Objects.equals(a.key(), b.key())) {
                    into.computeIfAbsent(a.key(), k -> new HashMap<>()).put(a.value(), t);
                    break;
                }
            }
        }
    }

    private static AnomalyCase readCase(String type, Txn reader, Mop m, Txn writer, Object e, String why) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("op", Ops.data(reader));
        d.put("mop", m.toString());
        d.put("writer", Ops.data(writer));
        d.put("element", e);
        String text = "Operation " + Ops.show(reader) + "\nperformed " + m + ", but element " + EdnPrinter.print(e)
                + why + ":\n" + Ops.show(writer);
        return new AnomalyCase(type, d, text);
    }
}
