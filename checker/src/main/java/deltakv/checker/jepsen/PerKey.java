package deltakv.checker.jepsen;

import deltakv.checker.CheckResult;
import deltakv.checker.Checker;
import deltakv.checker.Validity;
import deltakv.checker.history.Keyword;
import deltakv.checker.history.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Jepsen's {@code independent/checker}: runs a single-object checker (counter, set-full) on each {@code :key}'s
 * sub-history. Ops without a key (the nemesis) are left out. Invalid if any key is, else unknown if any key
 * is; the failing keys and their explanations are named.
 */
public final class PerKey implements Checker {
    private final Checker inner;

    public PerKey(Checker inner) {
        this.inner = inner;
    }

    /** The op's {@code :key} field (any spelling a history may use), or null. */
    public static Object key(Op op) {
        Map<Object, Object> extra = op.extra();
        if (extra == null) return null;
        for (Object k : new Object[] {Keyword.of("key"), "key", ":key"}) if (extra.containsKey(k)) return extra.get(k);
        return null;
    }

    @Override
    public CheckResult check(List<Op> history) {
        Map<Object, List<Op>> byKey = new LinkedHashMap<>();
        for (Op op : history) {
            Object k = key(op);
            if (k != null) byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(op);
        }
        Validity valid = Validity.TRUE;
        Set<String> anomalies = new LinkedHashSet<>();
        Map<String, Object> results = new TreeMap<>();
        List<Object> failures = new ArrayList<>();
        StringBuilder why = new StringBuilder();
        for (Map.Entry<Object, List<Op>> e : byKey.entrySet()) {
            CheckResult r = inner.check(e.getValue());
            results.put(String.valueOf(e.getKey()), r.toData());
            if (r.valid() == Validity.TRUE) continue;
            anomalies.addAll(r.anomalyTypes());
            if (r.valid() == Validity.FALSE) {
                valid = Validity.FALSE;
                failures.add(e.getKey());
            } else if (valid == Validity.TRUE) {
                valid = Validity.UNKNOWN;
            }
            if (!r.explanation().isBlank()) why.append("key ").append(e.getKey()).append(": ").append(r.explanation()).append('\n');
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("keys", byKey.size());
        fields.put("failures", failures);
        fields.put("results", results);
        return new JepsenResult(valid, List.copyOf(anomalies), why.toString().strip(), fields);
    }
}
