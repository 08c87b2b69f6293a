package deltakv.nemesis;

import deltakv.nemesis.cluster.ClusterControl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Which nodes a fault hits, resolved in one place at the moment the fault starts: {@code one} (a random
 * node), {@code leader} (the current leader; a random node when none is known), {@code minority}
 * (a random ⌊(n−1)/2⌋, at least one), {@code majority} (a random ⌊n/2⌋+1) and {@code all}.
 */
public final class Targets {
    public static final List<String> NODE_TARGETS = List.of("one", "leader", "minority", "majority", "all");

    private Targets() {}

    /** The nodes, and whether "leader" had to fall back to a random node. */
    public record Resolved(List<String> nodes, boolean noLeader) {}

    public static Resolved resolve(String target, ClusterControl cluster, Random r) {
        List<String> shuffled = new ArrayList<>(cluster.nodes());
        Collections.shuffle(shuffled, r);
        int n = shuffled.size();
        return switch (target) {
            case "one" -> new Resolved(List.of(shuffled.get(0)), false);
            case "leader" -> {
                Optional<String> leader = cluster.likelyLeader();
                yield leader.map(l -> new Resolved(List.of(l), false))
                        .orElseGet(() -> new Resolved(List.of(shuffled.get(0)), true));
            }
            case "minority" -> new Resolved(sorted(shuffled.subList(0, Math.max(1, (n - 1) / 2))), false);
            case "majority" -> new Resolved(sorted(shuffled.subList(0, n / 2 + 1)), false);
            case "all" -> new Resolved(sorted(shuffled), false);
            default -> throw new IllegalArgumentException("unknown target '" + target + "' (known: " + String.join(", ", NODE_TARGETS) + ")");
        };
    }

    private static List<String> sorted(List<String> nodes) {
        List<String> out = new ArrayList<>(nodes);
        Collections.sort(out);
        return out;
    }
}
