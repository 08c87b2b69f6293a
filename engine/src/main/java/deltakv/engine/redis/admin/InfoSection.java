package deltakv.engine.redis.admin;

import deltakv.engine.Bug;
import deltakv.engine.redis.ServerVersion;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The INFO sections and the fields each reports. */
enum InfoSection {
    SERVER("Server", InfoSection::server),
    CLIENTS("Clients", InfoSection::clients),
    REPLICATION("Replication", InfoSection::replication),
    DELTAKV("DeltaKV", InfoSection::deltakv),
    STATS("Stats", c -> prefixed("", c.status().txnCounters(), "conflicts_prefix_", c.status().conflictsByPrefix())),
    COMPACTOR("Compactor", InfoSection::compactor);

    private final String title;
    private final Function<AdminContext, Map<String, Object>> fields;

    InfoSection(String title, Function<AdminContext, Map<String, Object>> fields) {
        this.title = title;
        this.fields = fields;
    }

    String title() {
        return title;
    }

    String key() {
        return title.toLowerCase(java.util.Locale.ROOT);
    }

    Map<String, Object> fields(AdminContext c) {
        return fields.apply(c);
    }

    private static Map<String, Object> server(AdminContext c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("redis_version", ServerVersion.REDIS_VERSION);
        m.put("redis_mode", "standalone");
        m.put("process_id", ProcessHandle.current().pid());
        m.put("uptime_in_seconds", (System.currentTimeMillis() - c.info().startedAtMs()) / 1000);
        m.put("java_version", Runtime.version());
        m.put("jvm_uptime_ms", ManagementFactory.getRuntimeMXBean().getUptime());
        return m;
    }

    private static Map<String, Object> clients(AdminContext c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("connected_clients", c.clients().connected());
        m.put("total_connections_received", c.clients().accepted());
        m.put("protocol_errors", c.clients().protocolErrors());
        return m;
    }

    private static Map<String, Object> replication(AdminContext c) {
        Map<String, Object> m = new LinkedHashMap<>();
        // Redis clients read role:master|slave; the Raft role is in the DeltaKV section.
        m.put("role", "leader".equals(c.status().role()) ? "master" : "slave");
        m.put("connected_slaves", 0);
        return m;
    }

    private static Map<String, Object> deltakv(AdminContext c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node_id", c.info().id());
        m.put("raft_role", c.status().role());
        m.put("leader", c.status().leader() == null ? "none" : c.status().leader());
        m.put("term", c.status().term());
        m.put("variant", c.info().variant().cliName());
        m.put("pop_bounds", c.info().popBounds().cliName());
        m.put("bugs", String.join(",", c.info().bugs().stream().map(Bug::id).sorted().toList()));
        m.put("applied_commit_ts", c.status().appliedTs());
        m.put("clock_offset_ms", c.clock().offsetMs());
        m.put("hlc_now", c.clock().hlcNow());
        m.putAll(c.status().dataCounters());
        return m;
    }

    private static Map<String, Object> compactor(AdminContext c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("compactor_paused", c.compactor().paused() ? 1 : 0);
        c.compactor().stats().forEach((k, v) -> m.put("compactor_" + k, v));
        return m;
    }

    private static Map<String, Object> prefixed(String p1, Map<String, Long> a, String p2, Map<String, Long> b) {
        Map<String, Object> m = new LinkedHashMap<>();
        a.forEach((k, v) -> m.put(p1 + k, v));
        b.forEach((k, v) -> m.put(p2 + k, v));
        return m;
    }
}
