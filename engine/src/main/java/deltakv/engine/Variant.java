package deltakv.engine;

import java.util.Locale;

/** Design variants (DELTA_DESIGN §7). A start-up option, never a run-time toggle. */
public enum Variant {
    /** Baseline: every push/pop reads and writes the base metadata record. */
    RMW,
    /** The design as specified: deltas, claims, compactor. */
    DELTA,
    /** Ours: pushes never conflict, pops conflict only with pops of the same element. */
    DELTA_CF;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Variant parse(String s) {
        for (Variant v : values()) if (v.cliName().equals(s)) return v;
        throw new IllegalArgumentException("unknown variant '" + s + "' (expected rmw, delta or delta-cf)");
    }
}
