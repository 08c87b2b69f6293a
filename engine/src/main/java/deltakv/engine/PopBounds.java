package deltakv.engine;

import java.util.Locale;

/**
 * Who moves a delta list's Head and Tail past a popped element (variant {@code delta} only; a start-up option).
 * DELTA_DESIGN says both: a pop writes delta {+1,-1} (§3) and the claim GC advances Head through claimed
 * sequences (§5). Doing both counts every pop twice, so the engine does one of them.
 */
public enum PopBounds {
    /** The default: a pop's delta moves the bound in the pop's own commit, so no claim ever lies inside the range. */
    DELTA("delta"),
    /**
     * The design draft's claim GC: a pop writes its claim and a {0,0} delta (so readers and the compactor see
     * that the list changed) and leaves the bounds; readers skip claimed sequences, and the compactor's claim GC
     * moves Head and Tail through the contiguous claims at either end. Only here can {@code compactor-skips-gap}
     * fire: only here do claims lie inside {@code [Head, Tail)}.
     */
    CLAIM_GC("claim-gc");

    private final String cliName;

    PopBounds(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** @throws IllegalArgumentException if these bounds do not apply to {@code variant} (only delta has claims) */
    public void requireVariant(Variant variant) {
        if (this != DELTA && variant != Variant.DELTA) {
            throw new IllegalArgumentException("--pop-bounds " + cliName + " applies to variant delta only");
        }
    }

    public static PopBounds parse(String s) {
        for (PopBounds p : values()) if (p.cliName.equals(s.toLowerCase(Locale.ROOT))) return p;
        throw new IllegalArgumentException("unknown --pop-bounds '" + s + "' (expected delta or claim-gc)");
    }
}
