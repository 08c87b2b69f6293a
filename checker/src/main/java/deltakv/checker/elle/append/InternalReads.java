package deltakv.checker.elle.append;

import deltakv.checker.elle.AnomalyCase;
import deltakv.checker.elle.Anomalies;
import deltakv.checker.elle.Mop;
import deltakv.checker.elle.Txn;
import deltakv.checker.elle.TxnHistory;
import deltakv.checker.history.EdnPrinter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Anomalies visible inside one committed transaction: a read that disagrees with the transaction's own
 * earlier reads and appends ({@code internal}), and a read of an element the transaction only appends
 * later ({@code future-read}).
 */
final class InternalReads {
    private InternalReads() {}

    static void find(TxnHistory th, Anomalies out) {
        for (Txn t : th.possible()) {
            if (t.ok() && t.mops().size() > 1 && repeatsKey(t)) {
                internal(t, out);
                futureRead(t, out);
            }
        }
    }

    /** Both anomalies need two micro-ops on one key; most transactions touch each key once. */
    private static boolean repeatsKey(Txn t) {
        List<Mop> ms = t.mops();
        for (int i = 1; i < ms.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (java.util.Objects.equals(ms.get(i).key(), ms.get(j).key())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Expected state per key: a known list, or (after appends to an unread key) a known suffix. */
    private record Expect(boolean suffixOnly, List<Object> elems) {}

    private static void internal(Txn t, Anomalies out) {
        Map<Object, Expect> state = new HashMap<>();
        for (Mop m : t.mops()) {
            Expect s = state.get(m.key());
            if (m.f() == Mop.Kind.APPEND) {
                List<Object> l = s == null ? new ArrayList<>() : new ArrayList<>(s.elems());
                l.add(m.value());
                state.put(m.key(), new Expect(s == null || s.suffixOnly(), l));
                continue;
            }
            List<?> v = m.value() instanceof List<?> l ? l : List.of();
            if (s != null && !matches(s, v)) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("op", Ops.data(t));
                d.put("mop", m.toString());
                List<Object> expected = new ArrayList<>();
                if (s.suffixOnly()) {
                    expected.add(new deltakv.checker.history.EdnSymbol("..."));
                }
                expected.addAll(s.elems());
                d.put("expected", expected);
                out.add(new AnomalyCase("internal", d, "Operation " + Ops.show(t) + "\nperformed " + m
                        + ", but its own earlier reads and appends imply the read should be " + EdnPrinter.print(expected)));
                return;
            }
            state.put(m.key(), new Expect(false, new ArrayList<>(v)));
        }
    }

    private static boolean matches(Expect s, List<?> v) {
        if (!s.suffixOnly()) {
            return s.elems().equals(v);
        }
        int n = s.elems().size();
        return v.size() >= n && v.subList(v.size() - n, v.size()).equals(s.elems());
    }

    private static void futureRead(Txn t, Anomalies out) {
        Map<Object, Map<Object, Mop>> seen = new HashMap<>();
        for (Mop m : t.mops()) {
            if (m.f() == Mop.Kind.APPEND) {
                Mop read = seen.getOrDefault(m.key(), java.util.Collections.emptyMap()).get(m.value());
                if (read != null) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("op", Ops.data(t));
                    d.put("mop", read.toString());
                    d.put("element", m.value());
                    out.add(new AnomalyCase("future-read", d, "Operation " + Ops.show(t) + "\nperformed " + read
                            + ", observing element " + EdnPrinter.print(m.value()) + " which it only appends later"));
                    return;
                }
            } else if (m.value() instanceof List<?> l) {
                Map<Object, Mop> km = seen.computeIfAbsent(m.key(), k -> new HashMap<>());
                for (Object e : l) {
                    km.putIfAbsent(e, m);
                }
            }
        }
    }
}
