package deltakv.checker.elle.append;

import deltakv.checker.elle.AnomalyCase;
import deltakv.checker.elle.Anomalies;
import deltakv.checker.elle.Mop;
import deltakv.checker.elle.Txn;
import deltakv.checker.elle.TxnHistory;
import deltakv.checker.history.EdnPrinter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** duplicate-elements: a read that shows one appended element more than once. */
final class Duplicates {
    private Duplicates() {}

    static void find(TxnHistory th, AppendIndex idx, Anomalies out) {
        Set<Object> seen = new HashSet<>();
        for (Txn t : th.possible()) {
            for (Mop m : t.mops()) {
                // On a clean key every read is a prefix of a duplicate-free list: nothing to scan.
                if (m.f() != Mop.Kind.READ || !(m.value() instanceof List<?> v) || v.size() < 2 || idx.clean(m.key())
                        || distinct(v, seen)) {
                    continue;
                }
                Map<Object, Integer> counts = new HashMap<>();
                for (Object e : v) {
                    counts.merge(e, 1, Integer::sum);
                }
                Map<Object, Object> dups = new TreeMap<>((x, y) -> EdnPrinter.print(x).compareTo(EdnPrinter.print(y)));
                counts.forEach((e, n) -> {
                    if (n > 1) {
                        dups.put(e, (long) n);
                    }
                });
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("op", Ops.data(t));
                d.put("mop", m.toString());
                d.put("duplicates", new LinkedHashMap<>(dups));
                out.add(new AnomalyCase("duplicate-elements", d, "Operation " + Ops.show(t) + "\nread " + m
                        + ", which contains elements more than once (element -> count): " + EdnPrinter.print(dups)));
            }
        }
    }

    private static boolean distinct(List<?> v, Set<Object> seen) {
        seen.clear();
        for (Object e : v) {
            if (!seen.add(e)) {
                return false;
            }
        }
        return true;
    }
}
