package deltakv.workloads.bench;

/**
 * Whether the lists hold what the clients were told: every element whose push was acknowledged was popped
 * or is still in its list, and no element came out (or sits) twice.
 *
 * @param acknowledged elements whose push succeeded (prefill included)
 * @param uncertain    pushes that failed or timed out: they may or may not have landed
 * @param uncertainPops pops that failed or timed out: each may have taken an element nobody saw
 * @param popped       elements pops returned
 * @param remaining    elements left in the lists at the end
 * @param lost         acknowledged elements neither popped nor remaining
 * @param duplicated   extra copies: elements popped or remaining more than once in all
 * @param unexpected   elements popped or remaining that no client ever pushed
 * @param cardinalityOff hashes, sets, sorted sets: Σ over keys of |HLEN/SCARD/ZCARD − fields read back| (a Len
 *                       delta lost or counted twice shows here and nowhere else)
 */
public record EndCheck(long acknowledged, long uncertain, long uncertainPops, long popped, long remaining, long lost, long duplicated,
                       long unexpected, long cardinalityOff) {
    /** Nothing duplicated or made up, no more lost than failed pops can explain, and every Len right. */
    public boolean ok() {
        return lost <= uncertainPops && duplicated == 0 && unexpected == 0 && cardinalityOff == 0;
    }

    @Override
    public String toString() {
        return ok() ? "ok (" + acknowledged + " pushed, " + popped + " popped, " + remaining + " left)"
                : "FAILED: lost " + lost + ", duplicated " + duplicated + ", unexpected " + unexpected
                        + (cardinalityOff > 0 ? ", cardinality off by " + cardinalityOff : "");
    }
}
