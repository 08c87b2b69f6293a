package deltakv.checker;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Options shared by every checker (`dkv check` flags).
 *
 * @param consistencyModels Elle consistency models to check, e.g. ["strict-serializable"]
 * @param timeLimitSeconds  search budget in seconds; 0 or less = the checker's default
 * @param initialValue      initial register value as EDN text, or null for the model's default
 * @param outDir            where explanation files go, or null
 * @param flags             checker-specific switches, e.g. rw-register's "wfr-keys", "sequential-keys",
 *                          "linearizable-keys"
 */
public record CheckOptions(List<String> consistencyModels, double timeLimitSeconds, String initialValue,
                           Path outDir, Set<String> flags) {
    public static final List<String> DEFAULT_MODELS = List.of("strict-serializable");

    public CheckOptions {
        consistencyModels = consistencyModels == null || consistencyModels.isEmpty()
                ? DEFAULT_MODELS : List.copyOf(consistencyModels);
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }

    public CheckOptions(List<String> consistencyModels, double timeLimitSeconds, String initialValue, Path outDir) {
        this(consistencyModels, timeLimitSeconds, initialValue, outDir, Set.of());
    }

    public static CheckOptions defaults() {
        return new CheckOptions(DEFAULT_MODELS, 0, null, null);
    }

    public CheckOptions withModels(List<String> models) {
        return new CheckOptions(models, timeLimitSeconds, initialValue, outDir, flags);
    }

    public CheckOptions withTimeLimit(double seconds) {
        return new CheckOptions(consistencyModels, seconds, initialValue, outDir, flags);
    }

    public CheckOptions withFlags(Set<String> newFlags) {
        return new CheckOptions(consistencyModels, timeLimitSeconds, initialValue, outDir, newFlags);
    }

    public CheckOptions withOutDir(Path dir) {
        return new CheckOptions(consistencyModels, timeLimitSeconds, initialValue, dir, flags);
    }
}
