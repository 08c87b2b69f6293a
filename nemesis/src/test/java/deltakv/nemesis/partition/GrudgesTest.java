package deltakv.nemesis.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every partition shape for 3 and 5 nodes, over many seeds: symmetric, and the shape HARNESS.md §4 names. */
class GrudgesTest {
    private static final List<String> THREE = List.of("n1", "n2", "n3");
    private static final List<String> FIVE = List.of("n1", "n2", "n3", "n4", "n5");

    @Test
    void everyShapeIsSymmetric() {
        for (List<String> nodes : List.of(THREE, FIVE)) {
            for (String shape : Grudges.SHAPES) {
                for (long seed = 0; seed < 50; seed++) {
                    Map<String, Set<String>> g = Grudges.of(shape, nodes, Optional.of("n2"), new Random(seed));
                    g.forEach((a, bs) -> bs.forEach(b -> assertTrue(g.get(b).contains(a), shape + ": " + g)));
                    g.forEach((a, bs) -> assertTrue(!bs.contains(a), "no node is cut from itself"));
                }
            }
        }
    }

    @Test
    void oneAndLeaderIsolateASingleNode() {
        for (List<String> nodes : List.of(THREE, FIVE)) {
            Map<String, Set<String>> leader = Grudges.of("leader", nodes, Optional.of("n2"), new Random(1));
            assertEquals(new TreeSet<>(nodes.stream().filter(n -> !n.equals("n2")).toList()), leader.get("n2"));
            for (String n : nodes) if (!n.equals("n2")) assertEquals(Set.of("n2"), leader.get(n));
            Map<String, Set<String>> one = Grudges.of("one", nodes, Optional.empty(), new Random(2));
            assertEquals(1, one.values().stream().filter(s -> s.size() == nodes.size() - 1).count(), one.toString());
        }
    }

    @Test
    void majoritySplitsIntoAMinorityAndAMajority() {
        for (List<String> nodes : List.of(THREE, FIVE)) {
            Map<String, Set<String>> g = Grudges.of("majority", nodes, Optional.empty(), new Random(3));
            int n = nodes.size();
            // each node is cut from exactly the other side: minority members see n/2 cut, majority members the rest
            for (String x : nodes) {
                int cut = g.get(x).size();
                assertTrue(cut == n / 2 + 1 || cut == n / 2, x + " " + g);
            }
            long minority = nodes.stream().filter(x -> g.get(x).size() == n / 2 + 1).count();
            assertEquals(n / 2, minority, g.toString());
        }
    }

    @Test
    void majoritiesRingGivesEachNodeADistinctMajority() {
        for (List<String> nodes : List.of(THREE, FIVE)) {
            for (long seed = 0; seed < 20; seed++) {
                Map<String, Set<String>> g = Grudges.of("majorities-ring", nodes, Optional.empty(), new Random(seed));
                Set<Set<String>> views = new HashSet<>();
                for (String x : nodes) {
                    Set<String> sees = new TreeSet<>(nodes);
                    sees.removeAll(g.getOrDefault(x, Set.of()));
                    assertTrue(sees.size() > nodes.size() / 2, x + " sees a majority: " + g);
                    views.add(sees);
                }
                assertEquals(nodes.size(), views.size(), "no two nodes see the same majority: " + g);
            }
        }
    }

    @Test
    void bridgeJoinsTwoHalvesThatCannotSeeEachOther() {
        for (List<String> nodes : List.of(THREE, FIVE)) {
            Map<String, Set<String>> g = Grudges.of("bridge", nodes, Optional.empty(), new Random(4));
            List<String> bridges = nodes.stream().filter(x -> !g.containsKey(x)).toList();
            assertEquals(1, bridges.size(), "exactly one node sees everyone: " + g);
            for (String x : nodes) {
                if (!x.equals(bridges.get(0))) assertEquals((nodes.size() - 1) / 2, g.get(x).size(), g.toString());
            }
        }
    }

    @Test
    void shapesDependOnTheDraw() {
        assertEquals(Grudges.of("majority", FIVE, Optional.empty(), new Random(9)),
                Grudges.of("majority", FIVE, Optional.empty(), new Random(9)));
        Set<Map<String, Set<String>>> seen = new HashSet<>();
        for (long s = 0; s < 20; s++) seen.add(Grudges.of("one", FIVE, Optional.empty(), new Random(s)));
        assertNotEquals(1, seen.size());
        assertThrows(IllegalArgumentException.class, () -> Grudges.of("moon", THREE, Optional.empty(), new Random(0)));
    }
}
