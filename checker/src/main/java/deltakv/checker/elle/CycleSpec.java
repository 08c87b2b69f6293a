package deltakv.checker.elle;

import java.util.ArrayList;
import java.util.List;

/**
 * What one cycle-anomaly search looks for: a cycle through a seed edge of {@code seedRel}, continuing
 * over {@code pathRels}, satisfying a constraint on its rw edges, and (for -process/-realtime variants)
 * containing at least one {@code variant} edge.
 */
public record CycleSpec(String type, int seedRel, int pathRels, Shape shape, int variant) {
    /** Constraint on the rw edges of the cycle. */
    public enum Shape {
        /** no constraint beyond the allowed rels */
        ANY,
        /** exactly one rw edge (the seed) */
        SINGLE_RW,
        /** two or more rw edges, no two adjacent */
        NONADJACENT_RW,
        /** two or more rw edges, some two adjacent */
        ADJACENT_RW
    }

    /**
     * Whether a found cycle must be explained as exactly this type (Elle: all but G0 and G1c and their
     * variants; our timeout fallback, "cycle", takes any).
     */
    public boolean typed() {
        return !(type.startsWith("G0") || type.startsWith("G1c") || type.equals("cycle"));
    }

    /** All cycle specs, in Elle's search order: most severe first, process then realtime variants last. */
    public static final List<CycleSpec> ALL = build();

    private static List<CycleSpec> build() {
        List<CycleSpec> l = new ArrayList<>();
        for (int variant : new int[] {0, Rel.PROCESS, Rel.REALTIME}) {
            String suffix = variant == 0 ? "" : "-" + Rel.name(variant);
            int ww = Rel.WW | variant;
            int wwWr = Rel.WW | Rel.WR | variant;
            int all = Rel.DATA | variant;
            l.add(new CycleSpec("G0" + suffix, variant == 0 ? Rel.WW : variant, ww, Shape.ANY, variant));
            l.add(new CycleSpec("G1c" + suffix, Rel.WR, wwWr, Shape.ANY, variant));
            l.add(new CycleSpec("G-single-item" + suffix, Rel.RW, wwWr, Shape.SINGLE_RW, variant));
            l.add(new CycleSpec("G-nonadjacent-item" + suffix, Rel.RW, all, Shape.NONADJACENT_RW, variant));
            l.add(new CycleSpec("G2-item" + suffix, Rel.RW, all, Shape.ADJACENT_RW, variant));
        }
        return List.copyOf(l);
    }
}
