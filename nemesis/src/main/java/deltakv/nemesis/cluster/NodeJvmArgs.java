package deltakv.nemesis.cluster;

import java.util.Arrays;
import java.util.List;

/**
 * Extra JVM arguments for node processes started by {@code dkv cluster start|bench}, taken from the
 * {@code DKV_NODE_JAVA_OPTS} environment variable (space-separated), e.g. a profiler agent or GC
 * logging. Empty when unset.
 */
public final class NodeJvmArgs {
    public static final String ENV = "DKV_NODE_JAVA_OPTS";

    private NodeJvmArgs() {}

    public static List<String> fromEnv() {
        String v = System.getenv(ENV);
        if (v == null || v.isBlank()) return List.of();
        return Arrays.stream(v.trim().split("\\s+")).toList();
    }
}
