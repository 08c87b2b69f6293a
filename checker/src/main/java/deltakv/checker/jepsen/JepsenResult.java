package deltakv.checker.jepsen;

import deltakv.checker.CheckResult;
import deltakv.checker.Validity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Result of one of Jepsen's simpler checkers: a verdict plus the checker's fields, named as Jepsen names them. */
public record JepsenResult(Validity valid, List<String> anomalyTypes, String explanation, Map<String, Object> fields)
        implements CheckResult {

    public JepsenResult {
        anomalyTypes = List.copyOf(anomalyTypes);
        fields = new LinkedHashMap<>(fields);
    }

    @Override
    public Map<String, Object> toData() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid?", switch (valid) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case UNKNOWN -> "unknown";
        });
        if (!anomalyTypes.isEmpty()) m.put("anomaly-types", anomalyTypes);
        m.putAll(fields);
        return m;
    }
}
