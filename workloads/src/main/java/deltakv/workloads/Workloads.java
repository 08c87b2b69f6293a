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

    static {
        ALL.put("list-append", ListAppend::create);
        ALL.put("rw-register", RwRegister::create);
        ALL.put("queue", Queue::create);
        ALL.put("deque", Deque::create);
        ALL.put("set", Sets::create);
        ALL.put("hash", Hashes::create);
        ALL.put("zset", SortedSets::create);
        ALL.put("counter", Counter::create);
    }

    private Workloads() {}

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** Checks a name without building anything; the one-line reason as an IllegalArgumentException. */
    public static void validate(String name) {
        if (ALL.containsKey(name)) return;
        throw new IllegalArgumentException("unknown workload '" + name + "' (known: " + String.join(", ", names()) + ")");
    }

    public static Workload create(String name, WorkloadOptions options) {
        validate(name);
        return ALL.get(name).apply(options);
    }
}
