package deltakv.checker.jepsen;

import deltakv.checker.CheckResult;
import deltakv.checker.Checker;
import deltakv.checker.Validity;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jepsen's set: {@code :add} ops then a final {@code :read}. Every acknowledged add must be in the final read
 * (else "lost"), and the read may only hold elements someone tried to add (else "unexpected").
 */
public final class SetChecker implements Checker {
    @Override
    public CheckResult check(List<Op> history) {
        Completions c = new Completions(history);
        Set<Object> attempts = new LinkedHashSet<>();
        Set<Object> adds = new LinkedHashSet<>();
        Collection<?> finalRead = null;
        for (Op op : c.clientOps) {
            if (op.f().equals("add") && op.type() == OpType.INVOKE) attempts.add(op.value());
            if (op.f().equals("add") && op.type() == OpType.OK) adds.add(op.value());
            if (op.f().equals("read") && op.type() == OpType.OK) {
                if (!(op.value() instanceof Collection<?> read)) {
                    throw new IllegalArgumentException("set :read at index " + op.index() + " must return a collection");
                }
                finalRead = read;
            }
        }
        if (finalRead == null) {
            return new JepsenResult(Validity.UNKNOWN, List.of(), "set was never read",
                    Map.of("error", "Set was never read"));
        }
        Set<Object> read = new LinkedHashSet<>(finalRead);
        Set<Object> ok = intersect(read, attempts);
        Set<Object> unexpected = minus(read, attempts);
        Set<Object> lost = minus(adds, read);
        Set<Object> recovered = minus(ok, adds);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("attempt-count", attempts.size());
        f.put("acknowledged-count", adds.size());
        f.put("ok-count", ok.size());
        f.put("lost-count", lost.size());
        f.put("recovered-count", recovered.size());
        f.put("unexpected-count", unexpected.size());
        f.put("ok", IntervalSet.format(ok));
        f.put("lost", IntervalSet.format(lost));
        f.put("unexpected", IntervalSet.format(unexpected));
        f.put("recovered", IntervalSet.format(recovered));
        boolean valid = lost.isEmpty() && unexpected.isEmpty();
        StringBuilder why = new StringBuilder();
        if (!lost.isEmpty()) why.append("lost (acknowledged, not in final read): ").append(IntervalSet.format(lost)).append('\n');
        if (!unexpected.isEmpty()) why.append("unexpected (never added): ").append(IntervalSet.format(unexpected)).append('\n');
        List<String> types = new java.util.ArrayList<>();
        if (!lost.isEmpty()) types.add("lost");
        if (!unexpected.isEmpty()) types.add("unexpected");
        return new JepsenResult(valid ? Validity.TRUE : Validity.FALSE, types, why.toString(), f);
    }

    static Set<Object> intersect(Set<Object> a, Set<Object> b) {
        Set<Object> out = new LinkedHashSet<>(a);
        out.retainAll(b);
        return out;
    }

    static Set<Object> minus(Set<Object> a, Set<Object> b) {
        Set<Object> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return out;
    }
}
