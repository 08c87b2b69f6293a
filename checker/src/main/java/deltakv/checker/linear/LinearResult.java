package deltakv.checker.linear;

import deltakv.checker.CheckResult;
import deltakv.checker.Validity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Result of a linearizability check, with text and HTML explanations for violations. */
public record LinearResult(String model, SearchOutcome outcome, int partition, int partitions, int opCount,
                           long elapsedNanos) implements CheckResult {

    @Override
    public Validity valid() {
        if (outcome instanceof SearchOutcome.Violation) return Validity.FALSE;
        return outcome instanceof SearchOutcome.Unknown ? Validity.UNKNOWN : Validity.TRUE;
    }

    @Override
    public List<String> anomalyTypes() {
        return outcome instanceof SearchOutcome.Violation ? List.of("nonlinearizable") : List.of();
    }

    @Override
    public String explanation() {
        if (outcome instanceof SearchOutcome.Violation v) return Explanation.of(model, v, partition, partitions);
        return outcome instanceof SearchOutcome.Unknown u ? "unknown: " + u.reason() : "";
    }

    @Override
    public Map<String, Object> toData() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid?", switch (valid()) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case UNKNOWN -> "unknown";
        });
        m.put("model", model);
        m.put("op-count", opCount);
        m.put("partition-count", partitions);
        m.put("elapsed-ms", elapsedNanos / 1_000_000);
        if (outcome instanceof SearchOutcome.Violation v && v.failing() != null) {
            m.put("anomaly-types", anomalyTypes());
            m.put("failing-op", v.failing().describe());
            m.put("failing-op-index", v.failing().invokeIndex());
            List<Object> prefix = new ArrayList<>();
            for (LinOp op : v.prefix()) prefix.add(op.describe());
            m.put("longest-prefix", prefix);
            m.put("states-before-failing-op", v.states());
        }
        if (outcome instanceof SearchOutcome.Unknown u) m.put("error", u.reason());
        return m;
    }

    @Override
    public void writeFiles(Path outDir) throws IOException {
        if (!(outDir != null && outcome instanceof SearchOutcome.Violation v)) return;
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("linear-explanation.txt"), explanation(), StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("linear-timeline.html"), TimelineHtml.render(model, v, explanation()),
                StandardCharsets.UTF_8);
    }
}
