package deltakv.nemesis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The registry of nemesis packages by {@code --nemesis} name. Names the harness knows but has not built
 * yet are refused with that reason, so {@code --nemesis kill} never silently runs without faults.
 */
public final class Nemeses {
    private static final Map<String, Supplier<NemesisPackage>> BUILT = new LinkedHashMap<>();
    /** HARNESS.md §4's fault kinds, built by "Harness II". */
    public static final List<String> PLANNED = List.of("partition", "kill", "pause", "clock", "slow", "compactor");

    static {
        BUILT.put("none", () -> NemesisPackage.NONE);
    }

    private Nemeses() {}

    /** Names accepted by {@code --nemesis} today. */
    public static List<String> names() {
        return List.copyOf(BUILT.keySet());
    }

    /**
     * The package for a comma-separated {@code --nemesis} value.
     *
     * @throws IllegalArgumentException with a one-line reason for an unknown or unbuilt name
     */
    public static NemesisPackage create(String spec) {
        List<String> names = List.of(spec.split(","));
        if (names.size() == 1 && BUILT.containsKey(names.get(0))) return BUILT.get(names.get(0)).get();
        for (String n : names) {
            if (n.equals("all") || PLANNED.contains(n)) {
                throw new IllegalArgumentException("nemesis '" + n + "' is not built yet (known today: "
                        + String.join(", ", names()) + ")");
            }
            if (!BUILT.containsKey(n)) {
                throw new IllegalArgumentException("unknown nemesis '" + n + "' (known: " + String.join(", ", names())
                        + "; planned: " + String.join(", ", PLANNED) + ", all)");
            }
        }
        throw new IllegalArgumentException("nemesis 'none' cannot be combined with others");
    }
}
