package deltakv.checker.linear.model;

import deltakv.checker.linear.LinOp;
import deltakv.checker.linear.Model;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Many independent objects addressed by each op's {@code :key}, as one object whose state maps key to the inner
 * model's state. With splitting on, this is exactly the inner model checked per key (P-compositionality); with
 * it off, the whole keyed history is searched as one object — the baseline the benchmark compares against.
 */
public record KeyedModel(Model inner) implements Model {
    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Object init() {
        return Map.of();
    }

    @Override
    public Object step(Object state, LinOp op) {
        @SuppressWarnings("unchecked")
        Map<Object, Object> objects = (Map<Object, Object>) state;
        Object key = KeyField.key(op);
        if (key == KeyField.NO_KEY) throw Unsupported.op(name(), op, "a :key field on every op");
        Object current = objects.containsKey(key) ? objects.get(key) : inner.init();
        Object next = inner.step(current, op);
        if (next == ILLEGAL) return ILLEGAL;
        Map<Object, Object> out = new HashMap<>(objects);
        out.put(key, next);
        return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public boolean readOnly(LinOp op) {
        return inner.readOnly(op);
    }

    @Override
    public List<LinOp> simplify(List<LinOp> ops) {
        return inner.simplify(ops);
    }

    @Override
    public List<List<LinOp>> partition(List<LinOp> ops) {
        return KeyField.partition(ops);
    }
}
