package deltakv.checker.elle.register;

import deltakv.checker.elle.AnomalyCase;
import deltakv.checker.elle.Anomalies;
import deltakv.checker.elle.LostUpdateCases;
import deltakv.checker.elle.Mop;
import deltakv.checker.elle.Txn;
import deltakv.checker.elle.TxnHistory;
import deltakv.checker.history.EdnPrinter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** rw-register anomalies needing no cycle: internal, G1a (aborted read), G1b (intermediate read), lost-update. */
final class RegisterAnomalies {
    private RegisterAnomalies() {}

    static void find(TxnHistory th, List<ExtTxn> ext, Anomalies out) {
        Map<Object, Map<Object, Txn>> failed = new HashMap<>();
        Map<Object, Map<Object, Txn>> intermediate = new HashMap<>();
        for (Txn t : th.failed()) {
            for (Mop m : t.mops()) {
                if (m.f() == Mop.Kind.WRITE) {
                    failed.computeIfAbsent(m.key(), k -> new HashMap<>()).put(m.value(), t);
                }
            }
            intermediates(t, intermediate);
        }
        th.possible().forEach(t -> intermediates(t, intermediate));
        for (Txn t : th.possible()) {
            if (!t.ok()) {
                continue;
            }
            internal(t, out);
            for (Mop m : t.mops()) {
                if (m.f() != Mop.Kind.READ) {
                    continue;
                }
                Txn w = failed.getOrDefault(m.key(), java.util.Collections.emptyMap()).get(m.value());
                if (w != null) {
                    out.add(read("G1a", t, m, w, " was written by a failed transaction"));
                }
                Txn im = intermediate.getOrDefault(m.key(), java.util.Collections.emptyMap()).get(m.value());
                if (im != null && im != t) {
                    out.add(read("G1b", t, m, im, " was not its writer's final write to the key"));
                }
            }
        }
        lostUpdates(ext, out);
    }

    private static void intermediates(Txn t, Map<Object, Map<Object, Txn>> into) {
        Map<Object, Object> last = new HashMap<>();
        for (Mop m : t.mops()) {
            if (m.f() == Mop.Kind.WRITE) {
                if (last.containsKey(m.key())) {
                    into.computeIfAbsent(m.key(), k -> new HashMap<>()).put(last.get(m.key()), t);
                }
                last.put(m.key(), m.value());
            }
        }
    }

    private static AnomalyCase read(String type, Txn reader, Mop m, Txn writer, String why) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("op", EdnPrinter.printOp(reader.op()));
        d.put("mop", m.toString());
        d.put("writer", EdnPrinter.printOp(writer.op()));
        return new AnomalyCase(type, d, "Operation " + EdnPrinter.printOp(reader.op()) + "\nperformed " + m
                + ", but that value" + why + ":\n" + EdnPrinter.printOp(writer.op()));
    }

    private static void internal(Txn t, Anomalies out) {
        Map<Object, Object> state = new HashMap<>();
        for (Mop m : t.mops()) {
            if (m.f() == Mop.Kind.WRITE) {
                state.put(m.key(), m.value());
            } else if (state.containsKey(m.key()) && !Objects.equals(state.get(m.key()), m.value())) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("op", EdnPrinter.printOp(t.op()));
                d.put("mop", m.toString());
                d.put("expected", state.get(m.key()));
                out.add(new AnomalyCase("internal", d, "Operation " + EdnPrinter.printOp(t.op()) + "\nperformed " + m
                        + ", but its own earlier reads and writes imply " + EdnPrinter.print(state.get(m.key()))));
                return;
            } else {
                state.put(m.key(), m.value());
            }
        }
    }

    /** Two committed transactions that read the same value of a key and then both wrote it. */
    private static void lostUpdates(List<ExtTxn> ext, Anomalies out) {
        Map<Object, Map<Object, List<Txn>>> byKeyValue = new LinkedHashMap<>();
        for (ExtTxn e : ext) {
            if (!e.txn().ok()) {
                continue;
            }
            e.reads().forEach((k, v) -> {
                if (e.writes().containsKey(k)) {
                    byKeyValue.computeIfAbsent(k, x -> new LinkedHashMap<>()).computeIfAbsent(v, x -> new ArrayList<>())
                            .add(e.txn());
                }
            });
        }
        LostUpdateCases.report(byKeyValue, "wrote it", out);
    }
}
