package deltakv.checker.elle;

import deltakv.checker.history.EdnPrinter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a cycle into an anomaly case with Elle's "Let T1 = …; then T1 < T2 because …" explanation. */
public final class CycleReport {
    private CycleReport() {}

    public static AnomalyCase of(String type, Cycle c, TxnHistory th, PairExplainer ex) {
        int n = c.length();
        List<Object> ops = new ArrayList<>();
        List<Object> steps = new ArrayList<>();
        StringBuilder let = new StringBuilder("Let:\n");
        StringBuilder then = new StringBuilder("\nThen:\n");
        for (int i = 0; i < n; i++) {
            Txn t = th.get(c.txns()[i]);
            String op = EdnPrinter.printOp(t.op());
            ops.add(op);
            let.append("  T").append(i + 1).append(" = ").append(op).append('\n');
        }
        for (int i = 0; i < n; i++) {
            Txn a = th.get(c.txns()[i]);
            Txn b = th.get(c.txns()[(i + 1) % n]);
            Step s = ex.explain(a, b, c.rels()[i]);
            Map<String, Object> sd = new LinkedHashMap<>();
            sd.put("type", s.type());
            sd.putAll(s.data());
            steps.add(sd);
            String an = "T" + (i + 1);
            String bn = "T" + ((i + 1) % n + 1);
            String line = an + " < " + bn + ", because " + ex.render(s, an, bn);
            then.append(i == n - 1 ? "  - However, " + line + ": a contradiction!" : "  - " + line + ".\n");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", type);
        d.put("cycle", ops);
        d.put("steps", steps);
        return new AnomalyCase(type, d, let.toString() + then);
    }
}
