package deltakv.checker.elle.register;

import deltakv.checker.elle.PairExplainer;
import deltakv.checker.elle.Rel;
import deltakv.checker.elle.Step;
import deltakv.checker.elle.Txn;
import deltakv.checker.history.EdnPrinter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Explains rw-register edges by the key and versions involved, in Elle's words. */
final class RegisterExplainer implements PairExplainer {
    private final List<ExtTxn> ext;
    private final Versions versions;

    RegisterExplainer(List<ExtTxn> ext, Versions versions) {
        this.ext = ext;
        this.versions = versions;
    }

    @Override
    public Step explain(Txn a, Txn b, int rel) {
        ExtTxn ea = ext.get(a.id());
        ExtTxn eb = ext.get(b.id());
        Map<Object, Object> from = rel == Rel.RW ? ea.reads() : ea.writes();
        Map<Object, Object> to = rel == Rel.WR ? eb.reads() : eb.writes();
        for (Map.Entry<Object, Object> e : from.entrySet()) {
            Object k = e.getKey();
            if (!to.containsKey(k)) {
                continue;
            }
            Object v1 = e.getValue();
            Object v2 = to.get(k);
            boolean holds = rel == Rel.WR ? java.util.Objects.equals(v1, v2) : versions.precedes(k, v1, v2);
            if (holds) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("key", k);
                d.put("value", v1);
                if (rel != Rel.WR) {
                    d.put("value'", v2);
                }
                return new Step(Rel.name(rel), d);
            }
        }
        throw new IllegalStateException("no evidence for " + Rel.name(rel) + " edge");
    }

    @Override
    public String render(Step s, String a, String b) {
        String k = EdnPrinter.print(s.data().get("key"));
        String v = EdnPrinter.print(s.data().get("value"));
        String v2 = EdnPrinter.print(s.data().get("value'"));
        return switch (s.type()) {
            case "wr" -> a + " wrote " + k + " = " + v + ", which was read by " + b;
            case "ww" -> a + " set key " + k + " to " + v + ", and " + b + " set it to " + v2
                    + ", which came later in the version order";
            default -> a + " read key " + k + " = " + v + ", and " + b + " set it to " + v2
                    + ", which came later in the version order";
        };
    }
}
