package deltakv.engine.redis.admin;

import deltakv.engine.redis.LocalCommand;

/** {@code DKV.STATS}: transaction counters, then conflicts by key prefix ({@code conflicts_prefix_<p>}). */
final class StatsCommand {
    private StatsCommand() {}

    static LocalCommand of(AdminContext c) {
        return new LocalCommand("dkv.stats", 1, args -> new KeyValues()
                .putAll("", c.status().txnCounters())
                .putAll("conflicts_prefix_", c.status().conflictsByPrefix())
                .putAll("", c.status().dataCounters())
                .reply());
    }
}
