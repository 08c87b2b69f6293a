package deltakv.checker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What every checker returns; `dkv check` prints and stores it the same way for all of them. */
public interface CheckResult {
    Validity valid();

    /** Anomaly / failure type names, e.g. ["G2-item", "lost-update"]; empty when valid. */
    List<String> anomalyTypes();

    /** Short human-readable explanation printed after the verdict line (may be empty). */
    String explanation();

    /**
     * The result as plain data (String keys; values are String, Number, Boolean, List, Map) — written as
     * results.edn / results.json. Must include "valid?".
     */
    Map<String, Object> toData();

    /** Extra files for --out (explanations per anomaly, HTML timelines …); default none. */
    default void writeFiles(Path outDir) throws IOException {}
}
