package deltakv.cli;

import deltakv.nemesis.cluster.RespProbe;
import java.util.List;

/**
 * The cluster's Raft batching counters summed over its nodes ({@code raft_groups_submitted} and
 * {@code raft_batches_submitted} of DKV.STATS): the difference over a run gives groups per log entry,
 * the number that decides how far the per-entry cost is amortised. Unreachable nodes count as 0.
 */
record BatchCounters(long groups, long batches) {
    static BatchCounters read(List<Integer> ports) {
        long g = 0;
        long b = 0;
        for (int port : ports) {
            try {
                List<String> kv = RespProbe.call("127.0.0.1", port, 2000, "DKV.STATS");
                g += value(kv, "raft_groups_submitted");
                b += value(kv, "raft_batches_submitted");
            } catch (java.io.IOException | RuntimeException e) {
                // a node that does not answer contributes nothing
            }
        }
        return new BatchCounters(g, b);
    }

    /** Groups per entry between {@code before} and this reading; 0 if no entry was submitted. */
    double groupsPerEntrySince(BatchCounters before) {
        long entries = batches - before.batches;
        return entries == 0 ? 0 : (double) (groups - before.groups) / entries;
    }

    private static long value(List<String> kv, String name) {
        int at = kv.indexOf(name);
        return at < 0 ? 0 : Long.parseLong(kv.get(at + 1));
    }
}
