package deltakv.runner.serve;

import java.util.List;
import java.util.Map;

/**
 * One stored run as the pages list it.
 *
 * @param path       relative to the store: {@code <test-name>/<stamp>}
 * @param valid      true, false, unknown, or incomplete (no results yet: running, or cut short)
 * @param okPerSecond the run's throughput (null before it was checked)
 * @param faults     each fault's {@code fault} kind and {@code unavailable-s} (results.json's {@code faults})
 */
public record RunEntry(String path, String test, String stamp, String workload, String nemesis, String variant,
                       List<String> bugs, String valid, double seconds, Double okPerSecond, List<Map<String, Object>> faults) {
    public RunEntry {
        bugs = List.copyOf(bugs);
        faults = List.copyOf(faults);
    }
}
