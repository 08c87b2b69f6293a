package deltakv.checker.linear.model;

import deltakv.checker.linear.LinOp;
import deltakv.checker.linear.Model;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One Redis set, hash or sorted set per {@code :key}, with its cardinality (the {@code set}, {@code hash} and
 * {@code zset} workloads). State: element → value (nil for a set member, the field's value, the member's
 * score). Ops, each completing with Redis's reply:
 * <ul>
 * <li>{@code :add [e v r]} — SADD/HSET/ZADD of one element; r = 1 if it was new, 0 if it existed (the
 *     element's value becomes v); nil while unknown;</li>
 * <li>{@code :remove [e r]} — SREM/HDEL/ZREM; r = 1 if it existed;</li>
 * <li>{@code :card n} — SCARD/HLEN/ZCARD;</li>
 * <li>{@code :read x} — SMEMBERS (a collection of members), HGETALL (a map) or ZRANGE 0 -1 WITHSCORES
 *     (a vector of {@code [member score]} in Redis's order: by score, then member);</li>
 * <li>{@code :del r} — DEL; r = 1 if the collection existed.</li>
 * </ul>
 * A crashed write takes effect whole or not at all; crashed reads are dropped.
 */
public record CollectionModel() implements Model {
    private static final Set<String> READS = Set.of("card", "read");

    @Override
    public String name() {
        return "collection";
    }

    @Override
    public Object init() {
        return Map.of();
    }

    @Override
    public Object step(Object state, LinOp op) {
        @SuppressWarnings("unchecked")
        Map<Object, Object> m = (Map<Object, Object>) state;
        return switch (op.f()) {
            case "add" -> {
                List<?> v = args(op, 3);
                if (!op.crashed() && v.get(2) != null && number(op, v.get(2)) != (m.containsKey(v.get(0)) ? 0 : 1)) yield ILLEGAL;
                yield with(m, v.get(0), v.get(1), true);
            }
            case "remove" -> {
                List<?> v = args(op, 2);
                if (!op.crashed() && v.get(1) != null && number(op, v.get(1)) != (m.containsKey(v.get(0)) ? 1 : 0)) yield ILLEGAL;
                yield with(m, v.get(0), null, false);
            }
            case "card" -> op.crashed() || op.value() == null || number(op, op.value()) == m.size() ? m : ILLEGAL;
            case "read" -> op.crashed() || op.value() == null || matches(m, op) ? m : ILLEGAL;
            case "del" -> {
                if (!op.crashed() && op.value() != null && number(op, op.value()) != (m.isEmpty() ? 0 : 1)) yield ILLEGAL;
                yield Map.of();
            }
            default -> throw Unsupported.op(name(), op, ":add, :remove, :card, :read or :del");
        };
    }

    /** Says which reply the state contradicts. */
    @Override
    public String whyIllegal(Object state, LinOp op) {
        if (op.crashed() || !(state instanceof Map<?, ?> m)) return null;
        return switch (op.f()) {
            case "add" -> "the add replied " + args(op, 3).get(2) + ", but " + args(op, 3).get(0)
                    + (m.containsKey(args(op, 3).get(0)) ? " was already there" : " was not there");
            case "remove" -> "the remove replied " + args(op, 2).get(1) + ", but " + args(op, 2).get(0)
                    + (m.containsKey(args(op, 2).get(0)) ? " was there" : " was not there");
            case "card" -> "the cardinality read " + op.value() + ", but the collection held " + m.size() + " element(s)";
            case "read" -> "the read returned " + op.value() + ", but the collection held " + m;
            default -> null;
        };
    }

    private boolean matches(Map<Object, Object> m, LinOp op) {
        Object read = op.value();
        if (read instanceof Map<?, ?> map) return map.equals(m);
        if (!(read instanceof Collection<?> c)) throw Unsupported.op(name(), op, ":read returning a collection or a map");
        List<?> items = c instanceof List<?> l ? l : List.copyOf(c);
        boolean scored = !items.isEmpty() && items.get(0) instanceof List<?> p && p.size() == 2;
        if (!scored) return items.size() == m.size() && new HashSet<>(items).equals(m.keySet());
        List<List<Object>> want = new ArrayList<>();
        for (Map.Entry<Object, Object> e : m.entrySet()) want.add(List.of(e.getKey(), e.getValue()));
        want.sort(Comparator.<List<Object>>comparingDouble(p -> ((Number) p.get(1)).doubleValue())
                .thenComparing(p -> String.valueOf(p.get(0))));
        if (want.size() != items.size()) return false;
        for (int i = 0; i < want.size(); i++) {
            List<?> got = (List<?>) items.get(i);
            if (!Objects.equals(want.get(i).get(0), got.get(0))
                    || ((Number) want.get(i).get(1)).doubleValue() != ((Number) got.get(1)).doubleValue()) return false;
        }
        return true;
    }

    private static Map<Object, Object> with(Map<Object, Object> m, Object e, Object v, boolean put) {
        if (!put && !m.containsKey(e)) return m;
        Map<Object, Object> next = new HashMap<>(m);
        if (put) next.put(e, v); else next.remove(e);
        return Collections.unmodifiableMap(next);
    }

    private List<?> args(LinOp op, int n) {
        if (op.value() instanceof List<?> l && l.size() == n) return l;
        throw Unsupported.op(name(), op, ":" + op.f() + " with a vector of " + n);
    }

    private long number(LinOp op, Object n) {
        if (n instanceof Number x) return x.longValue();
        throw Unsupported.op(name(), op, "an integer reply");
    }

    @Override
    public boolean readOnly(LinOp op) {
        return READS.contains(op.f());
    }

    @Override
    public List<LinOp> simplify(List<LinOp> ops) {
        return CrashedReads.drop(ops, READS);
    }

    @Override
    public List<List<LinOp>> partition(List<LinOp> ops) {
        return KeyField.partition(ops);
    }
}
