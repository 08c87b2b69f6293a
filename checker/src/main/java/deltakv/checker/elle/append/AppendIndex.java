package deltakv.checker.elle.append;

import deltakv.checker.elle.Mop;
import deltakv.checker.elle.Txn;
import deltakv.checker.elle.TxnHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What list-append histories tell us about each key, from the ok and info transactions: every distinct
 * value read, the version order (the longest read), which transaction appended each element, and which
 * transactions read the state ending in each element ({@link #INIT} for the empty list).
 */
public final class AppendIndex {
    /** The state before any append. */
    public static final Object INIT = new Object() {
        @Override
        public String toString() {
            return "init";
        }
    };

    final Map<Object, List<List<?>>> readValues = new LinkedHashMap<>();
    final Map<Object, List<?>> order = new HashMap<>();
    final Map<Object, Map<Object, Integer>> position = new HashMap<>();
    final Map<Object, Map<Object, Txn>> writer = new HashMap<>();
    final Map<Object, Map<Object, List<Txn>>> readers = new HashMap<>();

    public AppendIndex(TxnHistory th) {
        Map<Object, Set<List<?>>> distinct = new LinkedHashMap<>();
        Map<Object, Object> singleAppend = new HashMap<>();
        Object tooMany = new Object();
        for (Txn t : th.possible()) {
            for (Mop m : t.mops()) {
                Object k = m.key();
                if (m.f() == Mop.Kind.APPEND) {
                    writer.computeIfAbsent(k, x -> new HashMap<>()).put(m.value(), t);
                    singleAppend.merge(k, m.value(), (a, b) -> tooMany);
                } else if (m.value() instanceof List<?> v) {
                    if (!v.isEmpty()) {
                        distinct.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v);
                    }
                    Object last = v.isEmpty() ? INIT : v.get(v.size() - 1);
                    readers.computeIfAbsent(k, x -> new HashMap<>()).computeIfAbsent(last, x -> new ArrayList<>(2)).add(t);
                } else if (m.value() == null && t.ok()) {
                    // An ok read of nil is the empty list; an info op's nil is just "not read".
                    readers.computeIfAbsent(k, x -> new HashMap<>()).computeIfAbsent(INIT, x -> new ArrayList<>(2)).add(t);
                }
            }
        }
        singleAppend.forEach((k, v) -> {
            if (v != tooMany && !distinct.containsKey(k)) {
                distinct.put(k, Set.of(List.of(v)));
            }
        });
        distinct.forEach((k, vs) -> {
            List<List<?>> sorted = new ArrayList<>(vs);
            sorted.sort((a, b) -> Integer.compare(a.size(), b.size()));
            readValues.put(k, sorted);
            List<?> longest = sorted.get(sorted.size() - 1);
            Map<Object, Integer> pos = new HashMap<>(longest.size() * 2);
            List<Object> o = new ArrayList<>(longest.size());
            for (Object e : longest) {
                if (pos.putIfAbsent(e, o.size()) == null) {
                    o.add(e);
                }
            }
            order.put(k, o);
            position.put(k, pos);
        });
    }

    /** Distinct values read per key, shortest first. */
    public Map<Object, List<List<?>>> readValues() {
        return readValues;
    }

    /** The version order of a key (distinct elements of its longest read), or an empty list. */
    public List<?> order(Object key) {
        return order.getOrDefault(key, List.of());
    }

    /** The ok/info transaction that appended element e to key k, or null. */
    public Txn writer(Object k, Object e) {
        Map<Object, Txn> m = writer.get(k);
        return m == null ? null : m.get(e);
    }

    /** Transactions whose read of k ended in element e (or {@link #INIT}). */
    public List<Txn> readers(Object k, Object e) {
        Map<Object, List<Txn>> m = readers.get(k);
        List<Txn> l = m == null ? null : m.get(e);
        return l == null ? List.of() : l;
    }

    /**
     * The element appended just before e to k; if e was never read, the last element we know of (it came
     * after all of them); {@link #INIT} when it was, or can only be shown to follow, the first append.
     */
    public Object previous(Object k, Object e) {
        List<?> o = order(k);
        Map<Object, Integer> pos = position.get(k);
        Integer i = pos == null ? null : pos.get(e);
        if (i == null) {
            return o.isEmpty() ? INIT : o.get(o.size() - 1);
        }
        return i > 0 ? o.get(i - 1) : INIT;
    }
}
