package deltakv.nemesis.partition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Partition shapes as grudges (Jepsen's term): each node mapped to the nodes it cannot talk to. Every
 * grudge here is symmetric (a cut stops a link's connections both ways). Shapes: {@code one} (a random node
 * alone), {@code leader} (the leader alone), {@code majority} (random halves, the larger a majority),
 * {@code majorities-ring} (each node sees a majority, no two the same one), {@code bridge} (two halves
 * joined by one node that sees everyone).
 */
public final class Grudges {
    public static final List<String> SHAPES = List.of("one", "leader", "majority", "majorities-ring", "bridge");

    private Grudges() {}

    public static Map<String, Set<String>> of(String shape, List<String> nodes, Optional<String> leader, Random r) {
        List<String> s = new ArrayList<>(nodes);
        Collections.shuffle(s, r);
        return switch (shape) {
            case "one" -> isolate(s.get(0), nodes);
            case "leader" -> isolate(leader.orElse(s.get(0)), nodes);
            case "majority" -> split(s.subList(0, s.size() / 2), s.subList(s.size() / 2, s.size()));
            case "majorities-ring" -> majoritiesRing(s);
            case "bridge" -> bridge(s);
            default -> throw new IllegalArgumentException("unknown partition shape '" + shape + "' (known: "
                    + String.join(", ", SHAPES) + ")");
        };
    }

    static Map<String, Set<String>> isolate(String node, List<String> nodes) {
        return split(List.of(node), nodes.stream().filter(n -> !n.equals(node)).toList());
    }

    /** Every node of {@code a} cut from every node of {@code b}. */
    static Map<String, Set<String>> split(Collection<String> a, Collection<String> b) {
        Map<String, Set<String>> g = new TreeMap<>();
        for (String x : a) for (String y : b) cut(g, x, y);
        return g;
    }

    /**
     * Nodes on a ring (in the shuffled order) see their neighbours within distance k, k the least that makes
     * each view a majority: distinct views for n ≥ 4. With 3 nodes every ring view is everyone, so one link is
     * cut instead (a path: the ends see a majority each, the middle sees all).
     */
    static Map<String, Set<String>> majoritiesRing(List<String> ring) {
        int n = ring.size();
        Map<String, Set<String>> g = new TreeMap<>();
        if (n < 3) return g;
        if (n == 3) {
            cut(g, ring.get(0), ring.get(2));
            return g;
        }
        int majority = n / 2 + 1;
        int k = majority / 2; // the least k with a view of 2k+1 ≥ majority
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int d = Math.min(j - i, n - (j - i));
                if (d > k) cut(g, ring.get(i), ring.get(j));
            }
        }
        return g;
    }

    /** One node (the first) joins two halves that cannot see each other. */
    static Map<String, Set<String>> bridge(List<String> s) {
        if (s.size() < 3) return new TreeMap<>();
        List<String> rest = s.subList(1, s.size());
        return split(rest.subList(0, rest.size() / 2), rest.subList(rest.size() / 2, rest.size()));
    }

    private static void cut(Map<String, Set<String>> g, String a, String b) {
        g.computeIfAbsent(a, x -> new TreeSet<>()).add(b);
        g.computeIfAbsent(b, x -> new TreeSet<>()).add(a);
    }
}
