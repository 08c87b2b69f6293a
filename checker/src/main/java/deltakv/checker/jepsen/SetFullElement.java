package deltakv.checker.jepsen;

import deltakv.checker.history.Op;

/**
 * What set-full knows about one element: when it became known to exist (its add's completion, or the first read
 * that saw it), and the invocations of the latest read that saw it and the latest that did not.
 */
final class SetFullElement {
    enum Outcome { STABLE, LOST, NEVER_READ }

    final Object element;
    private Op known;
    private Op lastPresent;
    private Op lastAbsent;

    SetFullElement(Object element) {
        this.element = element;
    }

    void addOk(Op op) {
        if (known == null) known = op;
    }

    void readPresent(Op invoke, Op completion) {
        if (known == null) known = completion;
        if (lastPresent == null || lastPresent.index() < invoke.index()) lastPresent = invoke;
    }

    void readAbsent(Op invoke) {
        if (lastAbsent == null || lastAbsent.index() < invoke.index()) lastAbsent = invoke;
    }

    /** Every read that began after the last miss saw it. */
    boolean stable() {
        return lastPresent != null && index(lastAbsent) < lastPresent.index();
    }

    /**
     * Known to exist, yet missed by a read that began after the last sighting and after it was known: a read
     * concurrent with the add may legitimately miss it (that is "never read", not "lost").
     */
    boolean lost() {
        return known != null && lastAbsent != null && index(lastPresent) < lastAbsent.index()
                && known.index() < lastAbsent.index();
    }

    Outcome outcome() {
        if (stable()) return Outcome.STABLE;
        return lost() ? Outcome.LOST : Outcome.NEVER_READ;
    }

    /** Milliseconds from known to stable (0 = visible at once), or null when not stable or untimed. */
    Long stableLatency() {
        if (!stable()) return null;
        return latency(lastAbsent == null ? 0 : lastAbsent.time() + 1);
    }

    /** Milliseconds from known to lost, or null when not lost or untimed. */
    Long lostLatency() {
        if (!lost()) return null;
        return latency(lastPresent == null ? 0 : lastPresent.time() + 1);
    }

    private Long latency(long at) {
        if (known.time() < 0) return null;
        return Math.max(0, at - known.time()) / 1_000_000;
    }

    private static long index(Op op) {
        return op == null ? -1 : op.index();
    }
}
