package deltakv.checker;

/** Jepsen's {@code :valid?}: true, false, or unknown (budget exceeded / not decidable). */
public enum Validity {
    TRUE, FALSE, UNKNOWN;

    /** Exit code per CLI.md: 0 valid, 1 invalid, 2 unknown. */
    public int exitCode() {
        return switch (this) {
            case TRUE -> 0;
            case FALSE -> 1;
            case UNKNOWN -> 2;
        };
    }
}
