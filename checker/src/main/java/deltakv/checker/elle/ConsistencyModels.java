package deltakv.checker.elle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The consistency-model lattice Elle uses (Adya, Bailis, Cerone, Daudjee …): which model implies which,
 * which anomalies each forbids, and from a set of observed anomalies the weakest models ruled out
 * ({@code not}) and the stronger ones that fall with them ({@code also-not}). Names are canonicalised
 * (serializable = PL-3, snapshot-isolation = PL-SI …) for the graph work and friendly in results.
 */
public final class ConsistencyModels {
    private static final Map<String, String> CANONICAL = new HashMap<>();
    private static final Map<String, String> FRIENDLY = new HashMap<>();
    private static final Dag MODELS = new Dag();
    private static final Dag PROSCRIBES = new Dag(); // model -> anomaly it forbids directly

    static {
        String[][] names = {
                {"consistent-view", "PL-2+"}, {"conflict-serializable", "PL-3"}, {"cursor-stability", "PL-CS"},
                {"forward-consistent-view", "PL-FCV"}, {"monotonic-snapshot-read", "PL-MSR"},
                {"monotonic-view", "PL-2L"}, {"read-committed", "PL-2"}, {"read-uncommitted", "PL-1"},
                {"repeatable-read", "PL-2.99"}, {"serializable", "PL-3"}, {"snapshot-isolation", "PL-SI"},
                {"strict-serializable", "PL-SS"}, {"strong-serializable", "PL-SS"},
                {"update-serializable", "PL-3U"},
                {"strong-session-read-uncommitted", "strong-session-PL-1"},
                {"strong-session-read-committed", "strong-session-PL-2"},
                {"strong-read-uncommitted", "strong-PL-1"}, {"strong-read-committed", "strong-PL-2"}};
        for (String[] p : names) {
            CANONICAL.put(p[0], p[1]);
            FRIENDLY.putIfAbsent(p[1], p[0]);
        }
        FRIENDLY.put("PL-3", "serializable");
        FRIENDLY.put("PL-SS", "strong-serializable"); // as Elle prints it

        model("causal-cerone", "read-atomic");
        model("consistent-view", "cursor-stability", "monotonic-view");
        model("conflict-serializable", "view-serializable");
        model("cursor-stability", "read-committed", "PL-2");
        model("forward-consistent-view", "consistent-view");
        model("PL-2", "PL-1");
        model("PL-3", "repeatable-read", "update-serializable");
        model("update-serializable", "forward-consistent-view");
        model("monotonic-atomic-view", "read-committed");
        model("monotonic-view", "PL-2");
        model("monotonic-snapshot-read", "PL-2");
        model("parallel-snapshot-isolation", "causal-cerone", "update-atomic");
        model("prefix", "causal-cerone");
        model("read-atomic", "monotonic-atomic-view");
        model("read-committed", "read-uncommitted");
        model("repeatable-read", "cursor-stability", "monotonic-atomic-view");
        model("update-atomic", "read-atomic");
        model("serializable", "repeatable-read", "snapshot-isolation", "view-serializable");
        model("session-serializable", "1SR");
        model("snapshot-isolation", "forward-consistent-view", "monotonic-atomic-view", "monotonic-snapshot-read",
                "parallel-snapshot-isolation", "prefix");
        model("strict-serializable", "PL-3", "serializable", "linearizable", "snapshot-isolation",
                "strong-snapshot-isolation", "strong-session-serializable");
        model("strong-session-PL-1", "PL-1");
        model("strong-session-PL-2", "PL-2", "strong-session-PL-1");
        model("strong-PL-1", "strong-session-PL-1");
        model("strong-PL-2", "strong-session-PL-2", "strong-PL-1");
        model("strong-session-serializable", "serializable", "strong-session-snapshot-isolation");
        model("strong-session-snapshot-isolation", "snapshot-isolation", "strong-session-PL-2");
        model("strong-serializable", "session-serializable");
        model("strong-snapshot-isolation", "strong-session-snapshot-isolation", "strong-PL-2");
        model("linearizable", "sequential");
        model("sequential", "causal");
        model("causal", "writes-follow-reads", "PRAM");
        model("PRAM", "monotonic-reads", "monotonic-writes", "read-your-writes");

        forbids("causal-cerone", "internal", "G1a");
        forbids("cursor-stability", "G1", "G-cursor", "lost-update");
        forbids("monotonic-view", "G1", "G-monotonic");
        forbids("monotonic-snapshot-read", "G1", "G-MSR");
        forbids("consistent-view", "G1", "G-single");
        forbids("forward-consistent-view", "G1", "G-SIb");
        forbids("parallel-snapshot-isolation", "internal", "G1a");
        forbids("PL-3", "G1", "G2", "predicate-read-miss", "PL-3-cycle-exists");
        forbids("PL-2", "G1", "PL-2-cycle-exists");
        forbids("PL-1", "G0", "duplicate-elements", "cyclic-versions", "PL-1-cycle-exists");
        forbids("prefix", "internal", "G1a");
        forbids("serializable", "internal");
        forbids("snapshot-isolation", "internal", "G1", "G-SI", "G-nonadjacent", "PL-SI-cycle-exists");
        forbids("read-atomic", "internal", "G1a", "future-read");
        forbids("repeatable-read", "G1", "G2-item", "PL-2.99-cycle-exists", "lost-update");
        forbids("update-atomic", "lost-update");
        forbids("strict-serializable", "G1", "G1c-realtime", "G2-realtime", "PL-SS-cycle-exists");
        forbids("strong-session-PL-1", "strong-session-PL-1-cycle-exists", "G0-process");
        forbids("strong-session-PL-2", "strong-session-PL-2-cycle-exists", "G1c-process");
        forbids("strong-PL-1", "strong-PL-1-cycle-exists", "G0-realtime");
        forbids("strong-PL-2", "strong-PL-2-cycle-exists", "G1c-realtime");
        forbids("strong-session-snapshot-isolation", "internal", "G1-process", "G-nonadjacent-process",
                "strong-session-snapshot-isolation-cycle-exists");
        forbids("strong-snapshot-isolation", "internal", "G1-realtime", "G-nonadjacent-realtime",
                "strong-snapshot-isolation-cycle-exists");
        forbids("strong-session-serializable", "G1-process", "G2-process", "strong-session-serializable-cycle-exists");
        forbids("update-serializable", "G1", "G-update");
    }

    private ConsistencyModels() {}

    private static void model(String m, String... weaker) {
        for (String w : weaker) {
            MODELS.edge(canonical(m), canonical(w));
        }
    }

    private static void forbids(String m, String... anomalies) {
        for (String a : anomalies) {
            PROSCRIBES.edge(canonical(m), a);
        }
    }

    public static String canonical(String m) {
        return CANONICAL.getOrDefault(m, m);
    }

    public static String friendly(String m) {
        return FRIENDLY.getOrDefault(m, m);
    }

    /** Throws IllegalArgumentException naming the first unknown model. */
    public static List<String> validate(Collection<String> models) {
        for (String m : models) {
            if (!MODELS.vertices().contains(canonical(m))) {
                throw new IllegalArgumentException("unknown consistency model '" + m + "' (known: "
                        + String.join(", ", knownModels()) + ")");
            }
        }
        return new ArrayList<>(models);
    }

    public static Set<String> knownModels() {
        Set<String> s = new TreeSet<>();
        for (String v : MODELS.vertices()) {
            s.add(friendly(v));
        }
        s.addAll(CANONICAL.keySet());
        return s;
    }

    /** Every anomaly that would violate one of these models (Elle's anomalies-prohibited-by). */
    public static Set<String> anomaliesProhibitedBy(Collection<String> models) {
        Set<String> direct = new LinkedHashSet<>();
        for (String m : MODELS.downstream(canonicalAll(models))) {
            direct.addAll(PROSCRIBES.out(m));
        }
        return new TreeSet<>(AnomalyLattice.implying(direct));
    }

    /** Every (canonical) model that cannot hold given these anomalies. */
    public static Set<String> impossibleModels(Collection<String> anomalies) {
        Set<String> direct = new LinkedHashSet<>();
        for (String a : AnomalyLattice.implied(anomalies)) {
            direct.addAll(PROSCRIBES.in(a));
        }
        return MODELS.upstream(direct);
    }

    /** The (canonical) model and every model that implies it. */
    public static Set<String> modelsImplying(String model) {
        return MODELS.upstream(List.of(canonical(model)));
    }

    /** The models ruled out by these anomalies: the weakest ({@code not}) and the rest ({@code also-not}). */
    public static Boundary boundary(Collection<String> anomalies) {
        Set<String> impossible = impossibleModels(anomalies);
        Set<String> weakest = new LinkedHashSet<>(impossible);
        for (String m : impossible) {
            Set<String> others = new LinkedHashSet<>(weakest);
            others.remove(m);
            for (String implied : MODELS.downstream(List.of(m))) {
                if (others.contains(implied)) {
                    weakest.remove(m);
                    break;
                }
            }
        }
        Set<String> not = new TreeSet<>();
        weakest.forEach(m -> not.add(friendly(m)));
        Set<String> alsoNot = new TreeSet<>();
        impossible.stream().filter(m -> !weakest.contains(m)).forEach(m -> alsoNot.add(friendly(m)));
        return new Boundary(not, alsoNot);
    }

    /** Ruled-out models, friendly names, sorted. */
    public record Boundary(Set<String> not, Set<String> alsoNot) {}

    private static List<String> canonicalAll(Collection<String> models) {
        List<String> l = new ArrayList<>();
        models.forEach(m -> l.add(canonical(m)));
        return l;
    }
}
