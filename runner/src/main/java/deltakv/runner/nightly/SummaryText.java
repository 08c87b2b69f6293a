package deltakv.runner.nightly;

import java.util.List;

/** {@code nightly.txt}: the summary a person reads in a terminal or a CI log. */
public final class SummaryText {
    private SummaryText() {}

    public static String render(Summary s) {
        StringBuilder b = new StringBuilder();
        b.append("dkv nightly ").append(s.name()).append("  seed ").append(s.seed()).append("  budget ")
                .append(Budget.format(s.budgetSeconds()));
        if (s.shards() > 1) b.append("  shard ").append(s.shard()).append('/').append(s.shards());
        if (s.slice() >= 0) b.append("  rotation slice ").append(s.slice() + 1).append(" of ").append(s.slices());
        if (s.gitCommit() != null) b.append("  git ").append(s.gitCommit(), 0, Math.min(10, s.gitCommit().length()));
        b.append('\n').append(s.started()).append(" → ").append(s.finished() == null ? "(running)" : s.finished()).append("\n\n");

        int w = Math.max(30, s.rows().stream().mapToInt(r -> r.cell().length()).max().orElse(0));
        String fmt = "%-" + w + "s %-8s %-11s %-20s %-8s %-26s %7s %8s%n";
        b.append(String.format(fmt, "run", "valid?", "workload", "nemesis", "variant", "anomalies", "ops", "seconds"));
        for (Row r : s.rows()) {
            b.append(String.format(fmt, r.cell(), r.valid(), r.workload(), r.nemesis(), r.variant(), anomalies(r.anomalies()),
                    r.ops(), String.format("%.1f", r.seconds())));
            if (!List.of("valid", "invalid", "unknown", "detected").contains(r.status())) {
                b.append("    ").append(r.status()).append(": ").append(r.output()).append('\n');
            }
        }
        int left = s.planned().size() - s.rows().size();
        if (left > 0) b.append("(").append(left).append(" planned cell").append(left == 1 ? "" : "s").append(" not run yet)\n");

        List<Row> cat = s.catalogueRows();
        if (!cat.isEmpty()) {
            b.append("\nanomaly catalogue\n");
            b.append(String.format("%-26s %-10s %-32s %8s  %s%n", "bug", "detected", "anomalies", "test s", "control"));
            for (Row r : cat) {
                b.append(String.format("%-26s %-10s %-32s %8.0f  %s%n", r.bug(), r.status(), anomalies(r.anomalies()),
                        r.testSeconds(), r.control() == null ? "-" : r.control()));
            }
        }
        b.append('\n');
        if (s.gate() == null) b.append("gate: not run (no --baseline)\n");
        else b.append("gate: ").append(s.gate().get("verdict")).append(" (exit ").append(s.gate().get("exit-code")).append(")  ")
                .append(s.gate().getOrDefault("output", "")).append('\n');
        if (s.coverage() != null) {
            var c = s.coverage();
            b.append(String.format("coverage: %d of %d matrix cells run by the nightlies in this store (%.0f%%), over %d night%s%n",
                    c.covered(), c.matrix(), 100.0 * c.covered() / c.matrix(), c.nights(), c.nights() == 1 ? "" : "s"));
        }
        b.append("exit ").append(s.exitCode()).append(": ").append(s.exitReason()).append('\n');
        return b.toString();
    }

    private static String anomalies(List<String> a) {
        String s = a.isEmpty() ? "-" : String.join(",", a);
        return s.length() > 26 ? s.substring(0, 25) + "…" : s;
    }
}
