package deltakv.checker.elle.append;

import deltakv.checker.elle.Mop;
import deltakv.checker.elle.PairExplainer;
import deltakv.checker.elle.Rel;
import deltakv.checker.elle.Step;
import deltakv.checker.elle.Txn;
import deltakv.checker.history.EdnPrinter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the key and elements behind a list-append edge and words it as Elle does. */
public final class AppendExplainer implements PairExplainer {
    private final AppendIndex idx;

    public AppendExplainer(AppendIndex idx) {
        this.idx = idx;
    }

    @Override
    public Step explain(Txn a, Txn b, int rel) {
        for (Mop m : b.mops()) {
            Object k = m.key();
            if (rel == Rel.WR && m.f() == Mop.Kind.READ && m.value() instanceof List<?> v && !v.isEmpty()) {
                Object e = v.get(v.size() - 1);
                if (idx.writer(k, e) == a) {
                    return step("wr", k, e, null);
                }
            } else if (m.f() == Mop.Kind.APPEND && rel == Rel.WW) {
                Object prev = idx.previous(k, m.value());
                if (prev != AppendIndex.INIT && idx.writer(k, prev) == a) {
                    return step("ww", k, prev, m.value());
                }
            } else if (m.f() == Mop.Kind.APPEND && rel == Rel.RW) {
                Object prev = idx.previous(k, m.value());
                if (idx.readers(k, prev).contains(a)) {
                    return step("rw", k, prev, m.value());
                }
            }
        }
        throw new IllegalStateException("no evidence for " + Rel.name(rel) + " edge " + a.op().index() + " -> "
                + b.op().index());
    }

    private static Step step(String type, Object key, Object value, Object value2) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("key", key);
        d.put("value", value == AppendIndex.INIT ? "init" : value); // Elle writes the initial state as "init"
        if (value2 != null) {
            d.put("value'", value2);
        }
        return new Step(type, d);
    }

    @Override
    public String render(Step s, String a, String b) {
        Map<String, Object> d = s.data();
        String k = EdnPrinter.print(d.get("key"));
        String v = EdnPrinter.print(d.get("value"));
        String v2 = EdnPrinter.print(d.get("value'"));
        return switch (s.type()) {
            case "ww" -> b + " appended " + v2 + " after " + a + " appended " + v + " to " + k;
            case "wr" -> b + " observed " + a + "'s append of " + v + " to key " + k;
            case "rw" -> "init".equals(d.get("value"))
                    ? a + " observed the initial (nil) state of " + k + ", which " + b + " created by appending " + v2
                    : a + " did not observe " + b + "'s append of " + v2 + " to " + k;
            default -> s.type();
        };
    }
}
