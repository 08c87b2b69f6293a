package deltakv.checker.linear.model;

import deltakv.checker.history.Keyword;
import deltakv.checker.linear.LinOp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-key P-compositionality for single-object models: when every op carries a {@code :key} field, each key is
 * an independent object and its sub-history is checked on its own.
 */
public final class KeyField {
    private KeyField() {}

    public static List<List<LinOp>> partition(List<LinOp> ops) {
        Map<Object, List<LinOp>> byKey = new LinkedHashMap<>();
        for (LinOp op : ops) {
            Object key = key(op);
            if (key == NO_KEY) return List.of(ops);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(op);
        }
        return byKey.isEmpty() ? List.of(ops) : List.copyOf(byKey.values());
    }

    static final Object NO_KEY = new Object();

    /** The op's {@code :key} field, or {@link #NO_KEY}. */
    static Object key(LinOp op) {
        Map<Object, Object> extra = op.invoke().extra();
        if (extra == null) return NO_KEY;
        for (Object k : new Object[] {Keyword.of("key"), "key", ":key"}) {
            if (extra.containsKey(k)) return extra.get(k);
        }
        return NO_KEY;
    }
}
