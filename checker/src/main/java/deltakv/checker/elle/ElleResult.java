package deltakv.checker.elle;

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
import java.util.Set;

/**
 * An Elle verdict: validity, the reportable anomalies, and the models they rule out.
 *
 * @param anomalies reportable anomalies by type
 * @param not       weakest models ruled out (friendly names)
 * @param alsoNot   stronger models ruled out with them
 */
public record ElleResult(Validity valid, Map<String, List<AnomalyCase>> anomalies, Set<String> not,
                         Set<String> alsoNot) implements CheckResult {
    /** How many cases of each type the printed explanation shows. */
    private static final int SHOWN = 1;

    @Override
    public List<String> anomalyTypes() {
        return new ArrayList<>(anomalies.keySet());
    }

    @Override
    public String explanation() {
        StringBuilder sb = new StringBuilder();
        if (!not.isEmpty()) {
            sb.append("not: ").append(String.join(", ", not)).append('\n');
        }
        anomalies.forEach((type, cases) -> {
            sb.append('\n').append(type).append(" (").append(cases.size()).append(cases.size() == 1 ? " case" : " cases")
                    .append(")\n");
            cases.stream().limit(SHOWN).forEach(c -> sb.append(c.text()).append('\n'));
        });
        return sb.toString().strip();
    }

    @Override
    public Map<String, Object> toData() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("valid?", valid == Validity.UNKNOWN ? "unknown" : valid == Validity.TRUE);
        if (!anomalies.isEmpty()) {
            d.put("anomaly-types", anomalyTypes());
            Map<String, Object> an = new LinkedHashMap<>();
            anomalies.forEach((t, cases) -> {
                List<Object> l = new ArrayList<>();
                cases.forEach(c -> l.add(c.data()));
                an.put(t, l);
            });
            d.put("anomalies", an);
            d.put("not", new ArrayList<>(not));
            d.put("also-not", new ArrayList<>(alsoNot));
        }
        return d;
    }

    /** One text file per anomaly type, every case explained, as Elle writes them. */
    @Override
    public void writeFiles(Path outDir) throws IOException {
        Path dir = outDir.resolve("elle");
        Files.createDirectories(dir);
        for (Map.Entry<String, List<AnomalyCase>> e : anomalies.entrySet()) {
            StringBuilder sb = new StringBuilder();
            for (AnomalyCase c : e.getValue()) {
                sb.append(c.text()).append("\n\n");
            }
            Files.writeString(dir.resolve(e.getKey() + ".txt"), sb.toString(), StandardCharsets.UTF_8);
        }
    }
}
