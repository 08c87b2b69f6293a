package deltakv.checker.jepsen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small multiset (element -> count), insertion-ordered, for the queue checker's bookkeeping. */
final class Multiset {
    private final Map<Object, Long> counts = new LinkedHashMap<>();

    void add(Object e) {
        counts.merge(e, 1L, Long::sum);
    }

    long count(Object e) {
        return counts.getOrDefault(e, 0L);
    }

    boolean contains(Object e) {
        return count(e) > 0;
    }

    long size() {
        long n = 0;
        for (long c : counts.values()) n += c;
        return n;
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    /** Each element with count max(0, this - other). */
    Multiset minus(Multiset other) {
        Multiset out = new Multiset();
        counts.forEach((e, c) -> {
            long left = c - other.count(e);
            if (left > 0) out.counts.put(e, left);
        });
        return out;
    }

    /** Each element with count min(this, other). */
    Multiset intersect(Multiset other) {
        Multiset out = new Multiset();
        counts.forEach((e, c) -> {
            long both = Math.min(c, other.count(e));
            if (both > 0) out.counts.put(e, both);
        });
        return out;
    }

    /** Keeps only elements for which {@code keep} holds. */
    Multiset filter(java.util.function.Predicate<Object> keep) {
        Multiset out = new Multiset();
        counts.forEach((e, c) -> {
            if (keep.test(e)) out.counts.put(e, c);
        });
        return out;
    }

    /** Elements with repetition, as a list (for results). */
    List<Object> toList() {
        List<Object> out = new ArrayList<>();
        counts.forEach((e, c) -> {
            for (long i = 0; i < c; i++) out.add(e);
        });
        return out;
    }
}
