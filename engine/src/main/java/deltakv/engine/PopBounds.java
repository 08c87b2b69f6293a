package deltakv.engine;

import java.util.Locale;

/**
 * Who moves a delta list's Head and Tail past a popped element (variant {@code delta} only; a start-up option).
 * DELTA_DESIGN says both: a pop writes delta {+1,-1} (§3) and the claim GC advances Head through claimed
 * sequences (§5). Doing both counts every pop twice, so the engine does one of them.
 */
public enum PopBounds {
    /** The default: a pop's delta moves the bound in the pop's own commit, so no claim ever lies inside the range. */
    DELTA("delta", "a pop's delta moves Head/Tail in the pop's commit (default)"),
    /**
     * The design draft's claim GC: a pop writes its claim and a {0,0} delta (so readers and the compactor see
     * that the list changed) and leaves the bounds; readers skip claimed sequences, and the compactor's claim GC
     * moves Head and Tail through the contiguous claims at either end. Only here can {@code compactor-skips-gap}
     * fire: only here do claims lie inside {@code [Head, Tail)}.
     */
    CLAIM_GC("claim-gc", "pops leave Head/Tail; the compactor's claim GC moves them (DELTA_DESIGN §5)");

    private final String cliName;
    private final String description;

    PopBounds(String cliName, String description) {
        this.cliName = cliName;
        this.description = description;
    }

    public String cliName() {
        return cliName;
    }

    public String description() {
        return description;
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
