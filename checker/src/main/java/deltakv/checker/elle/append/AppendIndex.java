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
 * What list-append histories tell us about each key, from the ok and info transactions: the version
 * order (the longest read), which transaction appended each element, and which transactions read the
 * state ending in each element ({@link #INIT} for the empty list). Reads that are not prefixes of the
 * longest are kept aside for incompatible-order reports.
 */
public final class AppendIndex {
    /** The state before any append. */
    public static final Object INIT = new Object() {
        @Override
        public String toString() {
            return "init";
        }
    };

    private final Map<Object, List<?>> longest = new LinkedHashMap<>();
    private final Map<Object, List<?>> order = new HashMap<>();
    private final Map<Object, Map<Object, Integer>> position = new HashMap<>();
    private final Map<Object, Map<Object, Txn>> writer = new HashMap<>();
    private final Map<Object, Map<Object, List<Txn>>> readers = new HashMap<>();
    private final Map<Object, List<List<?>>> incompatible = new LinkedHashMap<>();

    public AppendIndex(TxnHistory th) {
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
                        List<?> l = longest.get(k);
                        if (l == null || v.size() > l.size()) {
                            longest.put(k, v);
                        }
                    }
                    Object last = v.isEmpty() ? INIT : v.get(v.size() - 1);
                    readersOf(k, last).add(t);
                } else if (m.value() == null && t.ok()) {
                    // An ok read of nil is the empty list; an info op's nil is just "not read".
                    readersOf(k, INIT).add(t);
                }
            }
        }
        singleAppend.forEach((k, v) -> {
            if (v != tooMany && !longest.containsKey(k)) {
                longest.put(k, List.of(v));
            }
        });
        findIncompatible(th);
        longest.forEach((k, l) -> {
            Map<Object, Integer> pos = new HashMap<>(l.size() * 2);
            List<Object> o = new ArrayList<>(l.size());
            for (Object e : l) {
                if (pos.putIfAbsent(e, o.size()) == null) {
                    o.add(e);
                }
            }
            order.put(k, o);
            position.put(k, pos);
        });
    }

    private List<Txn> readersOf(Object k, Object last) {
        return readers.computeIfAbsent(k, x -> new HashMap<>()).computeIfAbsent(last, x -> new ArrayList<>(2));
    }

    /** Every read must be a prefix of the longest; for keys where one is not, keep all distinct reads. */
    private void findIncompatible(TxnHistory th) {
        Set<Object> bad = new LinkedHashSet<>();
        for (Txn t : th.possible()) {
            for (Mop m : t.mops()) {
                if (m.f() == Mop.Kind.READ && m.value() instanceof List<?> v && !v.isEmpty()
                        && !isPrefix(v, longest.get(m.key()))) {
                    bad.add(m.key());
                }
            }
        }
        if (bad.isEmpty()) {
            return;
        }
        Map<Object, Set<List<?>>> distinct = new LinkedHashMap<>();
        for (Txn t : th.possible()) {
            for (Mop m : t.mops()) {
                if (m.f() == Mop.Kind.READ && bad.contains(m.key()) && m.value() instanceof List<?> v && !v.isEmpty()) {
                    distinct.computeIfAbsent(m.key(), x -> new LinkedHashSet<>()).add(v);
                }
            }
        }
        distinct.forEach((k, vs) -> {
            List<List<?>> sorted = new ArrayList<>(vs);
            sorted.sort((a, b) -> Integer.compare(a.size(), b.size()));
            incompatible.put(k, sorted);
        });
    }

    static boolean isPrefix(List<?> a, List<?> b) {
        if (b == null || a.size() > b.size()) {
            return false;
        }
        for (int i = a.size() - 1; i >= 0; i--) {
            if (!a.get(i).equals(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** True when every read of k is a prefix of its longest read and that read repeats no element. */
    public boolean clean(Object k) {
        List<?> l = longest.get(k);
        return !incompatible.containsKey(k) && (l == null || l.size() == order(k).size());
    }

    /** Position of element e in k's version order, or -1. */
    public int position(Object k, Object e) {
        Map<Object, Integer> pos = position.get(k);
        Integer i = pos == null ? null : pos.get(e);
        return i == null ? -1 : i;
    }

    /** For keys with reads that are not all prefixes of one another: their distinct reads, shortest first. */
    public Map<Object, List<List<?>>> incompatibleReads() {
        return incompatible;
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
