package deltakv.runner;

import deltakv.nemesis.cluster.NodeSettings;
import deltakv.workloads.WorkloadOptions;
import deltakv.workloads.gen.KeyDist;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a {@code dkv test} run is made of (CLI.md), as plain data: written to {@code test.json} and
 * read back by {@code dkv analyze}, so a stored run can be re-checked with the same options.
 *
 * @param timeLimitSeconds  length of the main phase
 * @param rate              ops/s over all workers; 0 = as fast as they go
 * @param opTimeoutSeconds  client-side timeout of one op (→ {@code :info}); above the engine's 10 s commit timeout
 * @param popBounds         the local nodes' {@code --pop-bounds}: {@code delta} (default) or {@code claim-gc}
 * @param connect           endpoints the user runs ({@code host:port}); empty = a local cluster per run
 */
public record TestOptions(String workload, String nemesis, double nemesisIntervalSeconds, List<String> nemesisTargets,
                          double timeLimitSeconds, int nodes, int concurrency, double rate, String variant,
                          List<String> bugs, String popBounds, int keyCount, KeyDist keyDist, int maxTxnLength, int maxWritesPerKey,
                          double opTimeoutSeconds, List<String> consistencyModels, boolean checkPushLengths, long seed, Path store, String name,
                          boolean keepData, boolean leaveDbRunning, List<String> connect) {
    public TestOptions {
        nemesisTargets = List.copyOf(nemesisTargets);
        bugs = List.copyOf(bugs);
        consistencyModels = List.copyOf(consistencyModels);
        connect = List.copyOf(connect);
        positive("--time-limit", timeLimitSeconds);
        positive("--nemesis-interval", nemesisIntervalSeconds);
        positive("--op-timeout", opTimeoutSeconds);
        if (rate < 0) throw new IllegalArgumentException("--rate must be >= 0 (0 = unlimited), got " + fmt(rate));
        if (nodes < 1 || nodes > 9) throw new IllegalArgumentException("--nodes must be 1..9, got " + nodes);
        if (concurrency < 1 || concurrency > 10_000) {
            throw new IllegalArgumentException("--concurrency must be 1..10000, got " + concurrency);
        }
        if (name != null && (name.isBlank() || name.contains("/") || name.startsWith("."))) {
            throw new IllegalArgumentException("--name must be a plain directory name, got '" + name + "'");
        }
        NodeSettings.checkPopBounds(popBounds);
        if (!popBounds.equals(NodeSettings.DEFAULT_POP_BOUNDS) && (!variant.equals("delta") || !connect.isEmpty())) {
            throw new IllegalArgumentException("--pop-bounds claim-gc applies to the local nodes of variant delta only");
        }
        if (!checkPushLengths && !workload.equals("deque")) {
            throw new IllegalArgumentException("--push-lengths skip applies to the deque workload only");
        }
        // every workload: a typo is refused before a run directory exists, also where Elle does not run
        deltakv.checker.elle.ConsistencyModels.validate(consistencyModels);
        workloadOptions(workload, seed, concurrency, keyCount, keyDist, maxTxnLength, maxWritesPerKey, consistencyModels, true);
    }

    /** The test's name in the store: {@code workload-nemesis-variant}, or {@code --name}. */
    public String testName() {
        if (name != null) return name;
        // '+' joins fault kinds: a comma in a data directory's path breaks Ratis (its storage-dir list is comma-separated)
        return workload + "-" + nemesis.replace(',', '+') + "-" + (connect.isEmpty() ? variant : "connect");
    }

    public boolean local() {
        return connect.isEmpty();
    }

    public WorkloadOptions workloadOptions() {
        return workloadOptions(workload, seed, concurrency, keyCount, keyDist, maxTxnLength, maxWritesPerKey,
                consistencyModels, checkPushLengths);
    }

    private static WorkloadOptions workloadOptions(String workload, long seed, int concurrency, int keyCount,
                                                   KeyDist keyDist, int maxTxnLength, int maxWritesPerKey,
                                                   List<String> models, boolean checkPushLengths) {
        // The linearizability searches get a budget that keeps a 30 s run's check within seconds to a minute.
        return new WorkloadOptions(seed, concurrency, keyCount, keyDist, maxTxnLength, maxWritesPerKey, models, 60, checkPushLengths);
    }

    public TestOptions withSeed(long s) {
        return new TestOptions(workload, nemesis, nemesisIntervalSeconds, nemesisTargets, timeLimitSeconds, nodes,
                concurrency, rate, variant, bugs, popBounds, keyCount, keyDist, maxTxnLength, maxWritesPerKey, opTimeoutSeconds,
                consistencyModels, checkPushLengths, s, store, name, keepData, leaveDbRunning, connect);
    }

    /** As written to test.json (plain JSON values, the CLI's option names). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", workload);
        m.put("nemesis", nemesis);
        m.put("nemesis-interval", nemesisIntervalSeconds);
        m.put("nemesis-targets", nemesisTargets);
        m.put("time-limit", timeLimitSeconds);
        m.put("nodes", nodes);
        m.put("concurrency", concurrency);
        m.put("rate", rate);
        m.put("variant", variant);
        m.put("bugs", bugs);
        m.put("pop-bounds", popBounds);
        m.put("key-count", keyCount);
        m.put("key-dist", keyDist.cliName());
        m.put("max-txn-length", maxTxnLength);
        m.put("max-writes-per-key", maxWritesPerKey);
        m.put("op-timeout", opTimeoutSeconds);
        m.put("consistency-models", consistencyModels);
        m.put("push-lengths", checkPushLengths ? "check" : "skip");
        m.put("seed", seed);
        m.put("store", store.toString());
        m.put("name", name);
        m.put("keep-data", keepData);
        m.put("leave-db-running", leaveDbRunning);
        m.put("connect", connect);
        return m;
    }

    /** Reads {@link #toMap()}'s form back; a missing or mistyped field is an IllegalArgumentException. */
    @SuppressWarnings("unchecked")
    public static TestOptions fromMap(Map<String, Object> m) {
        try {
            return new TestOptions((String) req(m, "workload"), (String) req(m, "nemesis"),
                    num(m, "nemesis-interval").doubleValue(), (List<String>) req(m, "nemesis-targets"),
                    num(m, "time-limit").doubleValue(), num(m, "nodes").intValue(), num(m, "concurrency").intValue(),
                    num(m, "rate").doubleValue(), (String) req(m, "variant"), (List<String>) req(m, "bugs"),
                    (String) m.getOrDefault("pop-bounds", NodeSettings.DEFAULT_POP_BOUNDS), // absent before the option
                    num(m, "key-count").intValue(), KeyDist.parse((String) req(m, "key-dist")),
                    num(m, "max-txn-length").intValue(), num(m, "max-writes-per-key").intValue(),
                    num(m, "op-timeout").doubleValue(), (List<String>) req(m, "consistency-models"),
                    !"skip".equals(m.get("push-lengths")), // absent in runs stored before the option: check
                    num(m, "seed").longValue(), Path.of((String) req(m, "store")), (String) m.get("name"),
                    Boolean.TRUE.equals(m.get("keep-data")), Boolean.TRUE.equals(m.get("leave-db-running")),
                    (List<String>) req(m, "connect"));
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("test.json has a field of the wrong type: " + e.getMessage());
        }
    }

    private static Object req(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (v == null) throw new IllegalArgumentException("test.json has no '" + k + "'");
        return v;
    }

    private static Number num(Map<String, Object> m, String k) {
        return (Number) req(m, k);
    }

    private static void positive(String flag, double v) {
        if (!(v > 0)) throw new IllegalArgumentException(flag + " must be > 0, got " + fmt(v));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
