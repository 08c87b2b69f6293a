package deltakv.workloads.bench;

import deltakv.workloads.client.Connection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * Engine counters from {@code DKV.STATS}, summed over the nodes: conflicts (a conflicting attempt of any
 * transaction), Raft batching (groups per log entry decides how far the per-entry cost is amortised) and
 * the node JVMs' JIT compilation time. A node that does not answer counts as 0; a redis-server has none of them.
 */
public record ServerCounters(long conflicts, long groups, long batches, long jitMs, int answered) {
    private static final ProtocolCommand STATS = () -> "DKV.STATS".getBytes(StandardCharsets.UTF_8);

    public static ServerCounters read(List<Integer> ports) {
        long conflicts = 0;
        long groups = 0;
        long batches = 0;
        long jitMs = 0;
        int answered = 0;
        for (int port : ports) {
            try (Connection c = new Connection("127.0.0.1:" + port, "127.0.0.1", port, "", 2000)) {
                @SuppressWarnings("unchecked")
                List<Object> kv = (List<Object>) c.jedis().sendCommand(STATS);
                conflicts += value(kv, "txn_conflicts");
                groups += value(kv, "raft_groups_submitted");
                batches += value(kv, "raft_batches_submitted");
                jitMs += value(kv, "jvm_jit_ms");
                answered++;
            } catch (RuntimeException e) {
                // a node that does not answer contributes nothing
            }
        }
        return new ServerCounters(conflicts, groups, batches, jitMs, answered);
    }

    /** Conflicts per op since {@code before}. */
    public double conflictsPerOp(ServerCounters before, long ops) {
        return ops == 0 ? 0 : (double) (conflicts - before.conflicts) / ops;
    }

    /**
     * The nodes' JIT since {@code before}, in cores: compile time (of finished compiles, summed over the nodes)
     * over {@code seconds} of wall time. NaN when not every node answered both times: a silent node would
     * otherwise read as a quiet one.
     */
    public double jitCores(ServerCounters before, double seconds, int nodes) {
        if (seconds <= 0 || answered != nodes || before.answered != nodes) return Double.NaN;
        return (jitMs - before.jitMs) / 1000.0 / seconds;
    }

    /** Groups per log entry since {@code before}; 0 if no entry was submitted. */
    public double groupsPerEntry(ServerCounters before) {
        long entries = batches - before.batches;
        return entries == 0 ? 0 : (double) (groups - before.groups) / entries;
    }

    private static long value(List<Object> kv, String name) {
        for (int i = 0; i + 1 < kv.size(); i += 2) {
            if (name.equals(text(kv.get(i)))) return Long.parseLong(text(kv.get(i + 1)));
        }
        return 0;
    }

    private static String text(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
    }
}
