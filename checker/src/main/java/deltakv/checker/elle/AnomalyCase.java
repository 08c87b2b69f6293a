package deltakv.checker.elle;

import java.util.Map;

/** One instance of an anomaly: its data (for results.edn/json) and a human-readable explanation. */
public record AnomalyCase(String type, Map<String, Object> data, String text) {}
