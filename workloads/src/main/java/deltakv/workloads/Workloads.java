package deltakv.workloads;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The registry of workloads by {@code --workload} name: adding a workload is one file and one line here.
 * {@code --help} and the "unknown workload" error list these keys.
 */
public final class Workloads {
    private static final Map<String, Function<WorkloadOptions, Workload>> ALL = new LinkedHashMap<>();
    /** HARNESS.md §3's workloads that wait for engine types (hashes, sets, sorted sets, counters). */
    public static final List<String> PLANNED = List.of("set", "hash", "zset", "counter");

    static {
        ALL.put("list-append", ListAppend::create);
        ALL.put("rw-register", RwRegister::create);
        ALL.put("queue", Queue::create);
        ALL.put("deque", Deque::create);
    }

    private Workloads() {}

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** Checks a name without building anything; the one-line reason as an IllegalArgumentException. */
    public static void validate(String name) {
        if (ALL.containsKey(name)) return;
        if (PLANNED.contains(name)) {
            throw new IllegalArgumentException("workload '" + name + "' needs engine types that do not exist yet "
                    + "(known today: " + String.join(", ", names()) + ")");
        }
        throw new IllegalArgumentException("unknown workload '" + name + "' (known: " + String.join(", ", names()) + ")");
    }

    public static Workload create(String name, WorkloadOptions options) {
        validate(name);
        return ALL.get(name).apply(options);
    }
}
