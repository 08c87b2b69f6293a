package deltakv.checker.jepsen;

import deltakv.checker.CheckResult;
import deltakv.checker.Checker;
import deltakv.checker.Validity;
import deltakv.checker.history.EdnPrinter;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jepsen's set-full: {@code :add} single elements, {@code :read}s return the whole set. Per element: stable
 * (from some point on every read saw it), lost (known, then never seen again), or never read; stale elements
 * took time to show up. Invalid on any lost element, on a read returning an element twice, and (with
 * {@code linearizable}) on stale elements; unknown when nothing became stable.
 */
public final class SetFullChecker implements Checker {
    private static final List<Double> POINTS = List.of(0.0, 0.5, 0.95, 0.99, 1.0);
    private final boolean linearizable;

    public SetFullChecker(boolean linearizable) {
        this.linearizable = linearizable;
    }

    public SetFullChecker() {
        this(false);
    }

    @Override
    public CheckResult check(List<Op> history) {
        Completions c = new Completions(history);
        Map<Object, SetFullElement> elements = new LinkedHashMap<>();
        Map<Object, Long> duplicated = new LinkedHashMap<>();
        for (Op op : c.clientOps) {
            if (op.f().equals("add")) {
                if (op.type() == OpType.INVOKE) elements.put(op.value(), new SetFullElement(op.value()));
                else if (op.type() == OpType.OK && elements.containsKey(op.value())) elements.get(op.value()).addOk(op);
            } else if (op.f().equals("read") && op.type() == OpType.OK) {
                if (!(op.value() instanceof Collection<?> read)) {
                    throw new IllegalArgumentException("set-full :read at index " + op.index() + " must return a collection");
                }
                Map<Object, Long> freq = new HashMap<>();
                for (Object e : read) freq.merge(e, 1L, Long::sum);
                freq.forEach((e, n) -> {
                    if (n > 1) duplicated.merge(e, n, Math::max);
                });
                Op inv = c.invocation(op);
                for (SetFullElement e : elements.values()) {
                    if (freq.containsKey(e.element)) e.readPresent(inv, op); else e.readAbsent(inv);
                }
            }
        }
        return summarize(elements.values(), duplicated);
    }

    private CheckResult summarize(Collection<SetFullElement> elements, Map<Object, Long> duplicated) {
        List<Object> lost = new ArrayList<>();
        List<Object> neverRead = new ArrayList<>();
        List<SetFullElement> stale = new ArrayList<>();
        List<Long> stableLatencies = new ArrayList<>();
        List<Long> lostLatencies = new ArrayList<>();
        int stable = 0;
        for (SetFullElement e : elements) {
            switch (e.outcome()) {
                case STABLE -> {
                    stable++;
                    Long l = e.stableLatency();
                    if (l != null) stableLatencies.add(l);
                    if (l != null && l > 0) stale.add(e);
                }
                case LOST -> {
                    lost.add(e.element);
                    if (e.lostLatency() != null) lostLatencies.add(e.lostLatency());
                }
                case NEVER_READ -> neverRead.add(e.element);
            }
        }
        stale.sort(Comparator.comparing(SetFullElement::stableLatency).reversed());
        Validity valid;
        if (!lost.isEmpty() || !duplicated.isEmpty()) valid = Validity.FALSE;
        else if (stable == 0) valid = Validity.UNKNOWN;
        else if (linearizable && !stale.isEmpty()) valid = Validity.FALSE;
        else valid = Validity.TRUE;

        Map<String, Object> f = new LinkedHashMap<>();
        f.put("attempt-count", elements.size());
        f.put("stable-count", stable);
        f.put("lost-count", lost.size());
        f.put("lost", lost);
        f.put("never-read-count", neverRead.size());
        f.put("never-read", neverRead);
        f.put("stale-count", stale.size());
        f.put("stale", stale.stream().map(e -> e.element).toList());
        List<Object> worst = new ArrayList<>();
        for (SetFullElement e : stale.subList(0, Math.min(8, stale.size()))) {
            worst.add(Map.of("element", e.element, "stable-latency", e.stableLatency()));
        }
        f.put("worst-stale", worst);
        if (!stableLatencies.isEmpty()) f.put("stable-latencies", quantiles(stableLatencies));
        if (!lostLatencies.isEmpty()) f.put("lost-latencies", quantiles(lostLatencies));
        f.put("duplicated-count", duplicated.size());
        List<Object> dups = new ArrayList<>();
        duplicated.forEach((e, n) -> dups.add(List.of(e, n)));
        f.put("duplicated", dups);

        List<String> types = new ArrayList<>();
        StringBuilder why = new StringBuilder();
        if (!lost.isEmpty()) {
            types.add("lost");
            why.append(lost.size()).append(" lost element(s), e.g. ")
                    .append(EdnPrinter.print(lost.subList(0, Math.min(5, lost.size())))).append('\n');
        }
        if (!duplicated.isEmpty()) {
            types.add("duplicated");
            why.append(duplicated.size()).append(" element(s) read more than once in one read\n");
        }
        if (linearizable && !stale.isEmpty()) types.add("stale");
        if (valid == Validity.UNKNOWN) why.append("no element ever became stable (nothing added, or never read)\n");
        return new JepsenResult(valid, types, why.toString(), f);
    }

    private static Map<String, Object> quantiles(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        Map<String, Object> m = new LinkedHashMap<>();
        int n = sorted.size();
        for (double p : POINTS) {
            int idx = Math.min(n - 1, (int) Math.floor(n * p));
            m.put(p == 0.0 ? "0" : p == 1.0 ? "1" : String.valueOf(p), sorted.get(idx));
        }
        return m;
    }
}
