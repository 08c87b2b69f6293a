package deltakv.checker.linear;

import java.util.List;

/** The verdict of the search over one partition. */
public sealed interface SearchOutcome {
    /** A complete linearization exists; {@code order} is one (crashed ops that never took effect are absent). */
    record Linearizable(List<LinOp> order) implements SearchOutcome {}

    /**
     * No linearization exists.
     *
     * @param ops       every op of the partition (for the timeline)
     * @param prefix    the longest linearizable prefix found, in linearization order
     * @param failing   the op that could not be linearized after that prefix
     * @param states    model states reachable just before {@code failing} (described), at most a few
     * @param reason    the model's own account of why {@code failing} is illegal there, or null
     */
    record Violation(List<LinOp> ops, List<LinOp> prefix, LinOp failing, List<String> states, String reason)
            implements SearchOutcome {}

    /** The budget ran out (time, memory) or the search was cancelled. */
    record Unknown(String reason) implements SearchOutcome {}
}
