package deltakv.checker.linear.model;

import deltakv.checker.linear.LinOp;
import deltakv.checker.linear.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Knossos's multi-register: {@code :txn} ops whose value is a list of {@code [:read k v]} / {@code [:write k v]};
 * reads of nil are always legal. Keys never touched by a common transaction are independent objects, so the
 * history splits into the connected components of "shares a transaction".
 */
public record MultiRegisterModel(Map<Object, Object> initial) implements Model {
    public MultiRegisterModel {
        initial = java.util.Collections.unmodifiableMap(new HashMap<>(initial));
    }

    @Override
    public String name() {
        return "multi-register";
    }

    @Override
    public Object init() {
        return initial;
    }

    @Override
    public Object step(Object state, LinOp op) {
        @SuppressWarnings("unchecked")
        Map<Object, Object> regs = (Map<Object, Object>) state;
        Map<Object, Object> next = null;
        for (List<?> mop : microOps(op)) {
            String f = MicroOps.name(mop.get(0));
            Object k = mop.get(1);
            Object v = mop.get(2);
            Map<Object, Object> current = next == null ? regs : next;
            if (f.equals("read")) {
                if (v != null && !Objects.equals(v, current.get(k))) return ILLEGAL;
            } else if (f.equals("write")) {
                if (next == null) next = new HashMap<>(regs);
                next.put(k, v);
            } else {
                throw Unsupported.op(name(), op, "micro-ops [:read k v] or [:write k v]");
            }
        }
        return next == null ? regs : java.util.Collections.unmodifiableMap(next);
    }

    private List<List<?>> microOps(LinOp op) {
        if (!op.f().equals("txn") || !(op.value() instanceof List<?> txn)) {
            throw Unsupported.op(name(), op, ":txn with a list of [f k v]");
        }
        List<List<?>> out = new ArrayList<>(txn.size());
        for (Object m : txn) {
            if (!(m instanceof List<?> mop) || mop.size() != 3) {
                throw Unsupported.op(name(), op, "micro-ops [f k v]");
            }
            out.add(mop);
        }
        return out;
    }

    @Override
    public boolean readOnly(LinOp op) {
        return microOps(op).stream().allMatch(m -> MicroOps.name(m.get(0)).equals("read"));
    }

    /** A crashed transaction of reads only has no effect (its reads are unknown). */
    @Override
    public List<LinOp> simplify(List<LinOp> ops) {
        return ops.stream().filter(o -> !(o.crashed() && readOnly(o))).toList();
    }

    @Override
    public List<List<LinOp>> partition(List<LinOp> ops) {
        UnionFind<Object> keys = new UnionFind<>();
        for (LinOp op : ops) {
            Object first = null;
            for (List<?> mop : microOps(op)) {
                if (first == null) first = mop.get(1);
                keys.union(first, mop.get(1));
            }
        }
        Map<Object, List<LinOp>> byComponent = new LinkedHashMap<>();
        List<LinOp> empty = new ArrayList<>();
        for (LinOp op : ops) {
            List<List<?>> mops = microOps(op);
            if (mops.isEmpty()) {
                empty.add(op); // an empty txn constrains nothing
                continue;
            }
            byComponent.computeIfAbsent(keys.find(mops.get(0).get(1)), c -> new ArrayList<>()).add(op);
        }
        if (byComponent.isEmpty()) return List.of(ops);
        return List.copyOf(byComponent.values());
    }
}
