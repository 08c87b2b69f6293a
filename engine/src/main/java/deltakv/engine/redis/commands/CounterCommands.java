package deltakv.engine.redis.commands;

import deltakv.engine.collections.CounterResult;
import deltakv.engine.collections.Counters;
import deltakv.engine.collections.RedisInts;
import deltakv.engine.redis.CommandSpec;
import deltakv.engine.redis.Reply;
import deltakv.engine.txn.Txn;
import java.util.List;
import java.util.OptionalLong;

/**
 * INCR, INCRBY, DECR, DECRBY on the string type, in Redis 7's order of checks: the increment argument,
 * then the key's type, then its value; a missing (or expired) key counts as 0, the key's expiry is kept.
 */
final class CounterCommands {
    static final Reply OVERFLOW = Reply.error("ERR increment or decrement would overflow");
    static final Reply DECREMENT_OVERFLOW = Reply.error("ERR decrement would overflow");

    private final Counters counters;

    CounterCommands(Counters counters) {
        this.counters = counters;
    }

    List<CommandSpec> specs() {
        return List.of(new CommandSpec("incr", 2, true, (t, a) -> add(t, a.get(1), 1)),
                new CommandSpec("decr", 2, true, (t, a) -> add(t, a.get(1), -1)),
                new CommandSpec("incrby", 3, true, (t, a) -> by(t, a, false)),
                new CommandSpec("decrby", 3, true, (t, a) -> by(t, a, true)));
    }

    private Reply by(Txn txn, List<byte[]> args, boolean decrement) {
        OptionalLong n = RedisInts.parse(args.get(2));
        if (n.isEmpty()) return Reply.NOT_INTEGER;
        if (decrement && n.getAsLong() == Long.MIN_VALUE) return DECREMENT_OVERFLOW;
        return add(txn, args.get(1), decrement ? -n.getAsLong() : n.getAsLong());
    }

    private Reply add(Txn txn, byte[] key, long increment) {
        return DecidedReplies.of(counters.add(txn, key, increment), CounterCommands::reply);
    }

    private static Reply reply(CounterResult r) {
        if (r instanceof CounterResult.Value v) return new Reply.Int(v.value());
        if (r instanceof CounterResult.WrongType) return Reply.WRONGTYPE;
        if (r instanceof CounterResult.NotInteger) return Reply.NOT_INTEGER;
        return OVERFLOW;
    }
}
