package deltakv.checker.linear;

import java.util.List;

/** The text explanation of a violation: longest linearizable prefix, the blocked op, the states before it. */
final class Explanation {
    private static final int SHOWN_PREFIX = 12;

    private Explanation() {}

    static String of(String model, SearchOutcome.Violation v, int partition, int partitions) {
        StringBuilder sb = new StringBuilder();
        sb.append("not linearizable under model ").append(model);
        if (partitions > 1) sb.append(" (independent part ").append(partition + 1).append(" of ").append(partitions).append(')');
        sb.append('\n');
        if (v.failing() == null) return sb.toString();
        List<LinOp> prefix = v.prefix();
        sb.append("longest linearizable prefix: ").append(prefix.size()).append(" ops");
        int from = Math.max(0, prefix.size() - SHOWN_PREFIX);
        if (from > 0) sb.append(" (last ").append(SHOWN_PREFIX).append(" shown)");
        sb.append('\n');
        for (int i = from; i < prefix.size(); i++) {
            sb.append("  ").append(i + 1).append(". ").append(prefix.get(i).describe()).append('\n');
        }
        sb.append("cannot linearize: ").append(v.failing().describe()).append('\n');
        if (v.reason() != null) sb.append("  because ").append(v.reason()).append('\n');
        if (!v.states().isEmpty()) {
            sb.append("model states reachable just before it: ").append(String.join(", ", v.states())).append('\n');
        }
        return sb.toString();
    }
}
