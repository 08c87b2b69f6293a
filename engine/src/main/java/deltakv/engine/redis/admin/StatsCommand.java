package deltakv.engine.redis.admin;

import deltakv.engine.redis.LocalCommand;
import deltakv.engine.redis.Reply;
import java.util.List;

/**
 * {@code DKV.STATS}: transaction counters, then conflicts by key prefix ({@code conflicts_prefix_<p>}),
 * then data-layer counters, then the JVM's JIT and GC milliseconds ({@link JvmCounters}; never reset).
 * {@code DKV.STATS RESET} zeroes the transaction and conflict counters.
 */
final class StatsCommand {
    private StatsCommand() {}

    static LocalCommand of(AdminContext c) {
        return new LocalCommand("dkv.stats", -1, args -> run(c, args));
    }

    private static Reply run(AdminContext c, List<byte[]> args) {
        if (args.size() == 1) {
            return new KeyValues()
                    .putAll("", c.status().txnCounters())
                    .putAll("conflicts_prefix_", c.status().conflictsByPrefix())
                    .putAll("", c.status().dataCounters())
                    .putAll("", JvmCounters.read())
                    .reply();
        }
        if (args.size() == 2 && Subcommand.name(args).equals("reset")) {
            c.resetStats().run();
            return Reply.OK;
        }
        return args.size() == 2 ? Subcommand.unknown("DKV.STATS", args) : Subcommand.arity("dkv.stats", Subcommand.name(args));
    }
}
