package deltakv.checker.elle;

import deltakv.checker.history.History;
import deltakv.checker.history.Op;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Explains process and realtime edges; delegates data edges to the workload's explainer. */
public final class OrderExplainer implements PairExplainer {
    private final History history;
    private final PairExplainer data;

    public OrderExplainer(History history, PairExplainer data) {
        this.history = history;
        this.data = data;
    }

    @Override
    public Step explain(Txn a, Txn b, int rel) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (rel == Rel.PROCESS) {
            m.put("process", a.op().process());
            return new Step("process", m);
        }
        if (rel == Rel.REALTIME) {
            Op invoke = history.get(b.invoke());
            m.put("a-index", a.op().index());
            m.put("b-index", invoke.index());
            if (a.op().time() >= 0 && invoke.time() >= 0) {
                m.put("dt-nanos", invoke.time() - a.op().time());
            }
            return new Step("realtime", m);
        }
        return data.explain(a, b, rel);
    }

    @Override
    public String render(Step s, String a, String b) {
        Map<String, Object> d = s.data();
        return switch (s.type()) {
            case "process" -> "process " + d.get("process") + " executed " + a + " before " + b;
            case "realtime" -> {
                Object dt = d.get("dt-nanos");
                String gap = dt == null ? "" : ((Long) dt > 0
                        ? String.format(Locale.ROOT, " %.3f seconds", (Long) dt / 1e9) : " just");
                yield a + " completed at index " + d.get("a-index") + "," + gap + " before the invocation of " + b
                        + ", at index " + d.get("b-index");
            }
            default -> data.render(s, a, b);
        };
    }
}
