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
 * The list-append anomalies that need no cycle: aborted reads (G1a), intermediate reads (G1b),
 * incompatible orders, duplicate elements, dirty updates and lost updates. Internal and future reads are
 * in {@link InternalReads}.
 */
public final class AppendAnomalies {
    private final TxnHistory th;
    private final AppendIndex idx;
    private final Anomalies out;

    public AppendAnomalies(TxnHistory th, AppendIndex idx, Anomalies out) {
        this.th = th;
        this.idx = idx;
        this.out = out;
    }

    public void findAll() {
        abortedAndIntermediateReads();
        incompatibleOrders();
        duplicates();
        dirtyUpdates();
        lostUpdates();
        InternalReads.find(th, out);
    }

    private void abortedAndIntermediateReads() {
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
        for (Txn t : th.possible()) {
            if (!t.ok()) {
                continue;
            }
            for (Mop m : t.mops()) {
                if (m.f() != Mop.Kind.READ || !(m.value() instanceof List<?> v) || v.isEmpty()) {
                    continue;
                }
                Map<Object, Txn> f = failed.get(m.key());
                if (f != null) {
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

    /** All but each key's last append in t are intermediate states. */
    private static void intermediates(Txn t, Map<Object, Map<Object, Txn>> into) {
        Map<Object, Object> last = new HashMap<>();
        for (Mop m : t.mops()) {
            if (m.f() == Mop.Kind.APPEND) {
                Object prev = last.put(m.key(), m.value());
                if (prev != null) {
                    into.computeIfAbsent(m.key(), k -> new HashMap<>()).put(prev, t);
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

    private void incompatibleOrders() {
        idx.incompatibleReads().forEach((k, values) -> {
            for (int i = 0; i + 1 < values.size(); i++) {
                List<?> a = values.get(i);
                List<?> b = values.get(i + 1);
                if (!AppendIndex.isPrefix(a, b)) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("key", k);
                    d.put("values", List.of(a, b));
                    out.add(new AnomalyCase("incompatible-order", d, "Key " + EdnPrinter.print(k)
                            + " was read as " + EdnPrinter.print(a) + " and as " + EdnPrinter.print(b)
                            + ": neither is a prefix of the other, so no single order of appends explains both."));
                    return;
                }
            }
        });
    }

    private static boolean distinct(List<?> v, java.util.Set<Object> seen) {
        seen.clear();
        for (Object e : v) {
            if (!seen.add(e)) {
                return false;
            }
        }
        return true;
    }

    private void duplicates() {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (Txn t : th.possible()) {
            for (Mop m : t.mops()) {
                if (m.f() != Mop.Kind.READ || !(m.value() instanceof List<?> v) || v.size() < 2) {
                    continue;
                }
                if (distinct(v, seen)) {
                    continue;
                }
                Map<Object, Integer> counts = new HashMap<>();
                for (Object e : v) {
                    counts.merge(e, 1, Integer::sum);
                }
                Map<Object, Object> dups = new java.util.TreeMap<>((x, y) -> EdnPrinter.print(x).compareTo(EdnPrinter.print(y)));
                counts.forEach((e, n) -> {
                    if (n > 1) {
                        dups.put(e, (long) n);
                    }
                });
                if (!dups.isEmpty()) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("op", Ops.data(t));
                    d.put("mop", m.toString());
                    d.put("duplicates", new LinkedHashMap<>(dups));
                    out.add(new AnomalyCase("duplicate-elements", d, "Operation " + Ops.show(t) + "\nread " + m
                            + ", which contains elements more than once (element -> count): " + EdnPrinter.print(dups)));
                }
            }
        }
    }

    /** In a key's version order, a committed append directly after appends only failed transactions made. */
    private void dirtyUpdates() {
        Map<Object, Map<Object, Txn>> writers = new HashMap<>();
        for (Txn t : th.failed()) {
            recordWrites(t, writers);
        }
        for (Txn t : th.possible()) {
            recordWrites(t, writers);
        }
        for (Object k : idx.keys()) {
            Txn t1 = null;
            List<Object> vs = new ArrayList<>();
            for (Object v : idx.order(k)) {
                Txn t2 = writers.getOrDefault(k, java.util.Collections.emptyMap()).get(v);
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
        }
    }

    private static AnomalyCase dirtyUpdate(Object k, List<Object> vs, Txn failed, Txn committed) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("key", k);
        d.put("values", new ArrayList<>(vs));
        d.put("txns", List.of(Ops.data(failed), "...", Ops.data(committed)));
        return new AnomalyCase("dirty-update", d, "Key " + EdnPrinter.print(k) + ": committed " + Ops.show(committed)
                + "\nappended on top of " + EdnPrinter.print(vs) + ", state written by the failed " + Ops.show(failed));
    }

    private static void recordWrites(Txn t, Map<Object, Map<Object, Txn>> into) {
        for (Mop m : t.mops()) {
            if (m.f() == Mop.Kind.APPEND) {
                into.computeIfAbsent(m.key(), k -> new HashMap<>()).put(m.value(), t);
            }
        }
    }

    /** Two committed transactions that read the same state of a key and both appended to it. */
    private void lostUpdates() {
        Map<Object, Map<Object, List<Txn>>> byKeyValue = new LinkedHashMap<>();
        for (Txn t : th.possible()) {
            if (!t.ok()) {
                continue;
            }
            Map<Object, Object> reads = new HashMap<>();
            java.util.Set<Object> wrote = new java.util.HashSet<>();
            Object none = reads; // marker for "read nil"
            for (Mop m : t.mops()) {
                if (m.f() == Mop.Kind.READ) {
                    reads.putIfAbsent(m.key(), m.value() == null ? none : m.value());
                } else if (!wrote.contains(m.key()) && reads.containsKey(m.key())) {
                    wrote.add(m.key());
                    Object v = reads.get(m.key());
                    byKeyValue.computeIfAbsent(m.key(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(v == none ? null : v, x -> new ArrayList<>()).add(t);
                }
            }
        }
        byKeyValue.forEach((k, vm) -> vm.forEach((v, txns) -> {
            if (txns.size() >= 2) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("key", k);
                d.put("value", v);
                List<Object> ops = new ArrayList<>();
                StringBuilder sb = new StringBuilder();
                for (Txn t : txns) {
                    ops.add(Ops.data(t));
                    sb.append("\n  ").append(Ops.show(t));
                }
                d.put("txns", ops);
                out.add(new AnomalyCase("lost-update", d, txns.size() + " committed transactions read key "
                        + EdnPrinter.print(k) + " = " + EdnPrinter.print(v) + " and then each appended to it:" + sb));
            }
        }));
    }
}
