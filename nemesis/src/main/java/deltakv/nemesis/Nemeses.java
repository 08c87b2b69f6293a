package deltakv.nemesis;

import deltakv.nemesis.clock.Clock;
import deltakv.nemesis.compactor.Compactor;
import deltakv.nemesis.net.Slow;
import deltakv.nemesis.partition.Grudges;
import deltakv.nemesis.partition.Partition;
import deltakv.nemesis.process.Kill;
import deltakv.nemesis.process.Pause;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The registry of fault kinds by {@code --nemesis} name: each kind's targets and constructor. A spec is
 * {@code none}, {@code all} or a comma-separated list of kinds; {@code --nemesis-targets} narrows every
 * kind to the targets it shares with the list. The registry's order is the healing order (network first,
 * restarts, then what needs every node answering: clocks and compactors).
 */
public final class Nemeses {
    private record Kind(List<String> targets, Function<List<String>, NemesisPackage> create) {}

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();
    /** Kinds that act only over the Redis protocol ({@code DKV.*}), so servers reached with --connect may take them. */
    public static final Set<String> OVER_REDIS = Set.of("clock", "compactor");

    static {
        KINDS.put("partition", new Kind(Grudges.SHAPES, Partition::create));
        KINDS.put("slow", new Kind(Slow.TARGETS, Slow::create));
        KINDS.put("pause", new Kind(Pause.TARGETS, Pause::create));
        KINDS.put("kill", new Kind(Kill.TARGETS, Kill::create));
        KINDS.put("clock", new Kind(Clock.TARGETS, Clock::create));
        KINDS.put("compactor", new Kind(Compactor.TARGETS, Compactor::create));
    }

    private Nemeses() {}

    /** Names accepted by {@code --nemesis} today. */
    public static List<String> names() {
        List<String> out = new ArrayList<>(List.of("none", "all"));
        out.addAll(KINDS.keySet());
        return out;
    }

    /** Every target name some kind knows. */
    public static Set<String> targets() {
        Set<String> out = new LinkedHashSet<>();
        for (Kind k : KINDS.values()) out.addAll(k.targets());
        return out;
    }

    public static NemesisPackage create(String spec) {
        return create(spec, List.of());
    }

    /**
     * The package for a {@code --nemesis} value and {@code --nemesis-targets} list (empty: every target).
     *
     * @throws IllegalArgumentException with a one-line reason: an unknown or unbuilt kind, an unknown target,
     *                                  a kind left without targets
     */
    public static NemesisPackage create(String spec, List<String> targets) {
        for (String t : targets) {
            if (!targets().contains(t)) {
                throw new IllegalArgumentException("unknown nemesis target '" + t + "' (known: " + String.join(", ", targets()) + ")");
            }
        }
        List<String> names = List.of(spec.split(",", -1));
        if (names.equals(List.of("none"))) return NemesisPackage.NONE;
        Set<String> kinds = new LinkedHashSet<>();
        for (String n : names) {
            if (n.equals("all")) kinds.addAll(KINDS.keySet());
            else if (KINDS.containsKey(n)) kinds.add(n);
            else if (n.equals("none")) {
                throw new IllegalArgumentException("nemesis 'none' cannot be combined with others");
            } else {
                throw new IllegalArgumentException("unknown nemesis '" + n + "' (known: " + String.join(", ", names()) + ")");
            }
        }
        List<NemesisPackage> parts = new ArrayList<>();
        for (String name : KINDS.keySet()) { // registry order = healing order
            if (!kinds.contains(name)) continue;
            Kind k = KINDS.get(name);
            List<String> allowed = targets.isEmpty() ? k.targets() : k.targets().stream().filter(targets::contains).toList();
            if (allowed.isEmpty() && !names.contains(name)) continue; // 'all': kinds the targets exclude drop out
            if (allowed.isEmpty()) {
                throw new IllegalArgumentException("--nemesis-targets " + String.join(",", targets) + " leaves " + name
                        + " nothing to do (it takes " + String.join(", ", k.targets()) + ")");
            }
            parts.add(k.create().apply(allowed));
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("--nemesis-targets " + String.join(",", targets) + " leaves no fault to do");
        }
        return Composed.of(parts);
    }
}
