package deltakv.runner.gate;

/** A point's outcome, worst last: the gate's exit code comes from the worst. */
public enum Verdict {
    /** no significant slowdown beyond the threshold */
    PASS,
    /** too few samples for any difference to reach significance at alpha */
    TOO_FEW_SAMPLES,
    /** the baseline has it, the candidate tried and could not measure it (no leader, no redis-server) */
    NOT_MEASURED,
    /** slower beyond the threshold, and significantly so */
    REGRESSED
}
