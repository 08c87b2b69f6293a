package deltakv.checker.elle;

import deltakv.checker.history.EdnPrinter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports lost-update cases, shared by list-append and rw-register: only how the writes are found differs. */
public final class LostUpdateCases {
    private LostUpdateCases() {}

    /**
     * One case per (key, value read) that at least two committed transactions read and then wrote.
     * {@code writeVerb} completes "and then each …" (e.g. "wrote it").
     */
    public static void report(Map<Object, Map<Object, List<Txn>>> byKeyValue, String writeVerb, Anomalies out) {
        byKeyValue.forEach((k, vm) -> vm.forEach((v, txns) -> {
            if (txns.size() < 2) return;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("key", k);
            d.put("value", v);
            List<Object> ops = new ArrayList<>();
            StringBuilder sb = new StringBuilder();
            for (Txn t : txns) {
                String op = EdnPrinter.printOp(t.op());
                ops.add(op);
                sb.append("\n  ").append(op);
            }
            d.put("txns", ops);
            out.add(new AnomalyCase("lost-update", d, txns.size() + " committed transactions read key "
                    + EdnPrinter.print(k) + " = " + EdnPrinter.print(v) + " and then each " + writeVerb + ":" + sb));
        }));
    }
}
