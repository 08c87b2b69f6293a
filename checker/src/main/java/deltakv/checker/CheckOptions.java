package deltakv.checker;

import java.nio.file.Path;
import java.util.List;

/**
 * Options shared by every checker (`dkv check` flags).
 *
 * @param consistencyModels Elle consistency models to check, e.g. ["strict-serializable"]
 * @param timeLimitSeconds  search budget in seconds; 0 or less = no limit
 * @param initialValue      initial register value as EDN text, or null for the model's default
 * @param outDir            where explanation files go, or null
 */
public record CheckOptions(List<String> consistencyModels, double timeLimitSeconds, String initialValue,
                           Path outDir) {
    public static final List<String> DEFAULT_MODELS = List.of("strict-serializable");

    public CheckOptions {
        consistencyModels = consistencyModels == null || consistencyModels.isEmpty()
                ? DEFAULT_MODELS : List.copyOf(consistencyModels);
    }

    public static CheckOptions defaults() {
        return new CheckOptions(DEFAULT_MODELS, 0, null, null);
    }

    public CheckOptions withModels(List<String> models) {
        return new CheckOptions(models, timeLimitSeconds, initialValue, outDir);
    }

    public CheckOptions withTimeLimit(double seconds) {
        return new CheckOptions(consistencyModels, seconds, initialValue, outDir);
    }
}
