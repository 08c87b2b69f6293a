package deltakv.engine.redis.commands;

import deltakv.engine.collections.End;
import deltakv.engine.collections.ListStore;
import deltakv.engine.collections.RedisInts;
import deltakv.engine.collections.KeyType;
import deltakv.engine.collections.Keyspace;
import deltakv.engine.redis.CommandSpec;
import deltakv.engine.redis.Reply;
import deltakv.engine.txn.Txn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** LPOP/RPOP key [count]: count is checked first, then the key (Redis 7 order). */
final class ListPopCommands {
    static final Reply OUT_OF_RANGE = Reply.error("ERR value is out of range, must be positive");

    private final Keyspace keyspace;
    private final ListStore lists;

    ListPopCommands(Keyspace keyspace, ListStore lists) {
        this.keyspace = keyspace;
        this.lists = lists;
    }

    List<CommandSpec> specs() {
        return List.of(new CommandSpec("lpop", -2, true, (t, a) -> pop(t, a, End.LEFT)),
                new CommandSpec("rpop", -2, true, (t, a) -> pop(t, a, End.RIGHT)));
    }

    private Reply pop(Txn txn, List<byte[]> args, End end) {
        if (args.size() > 3) {
            return Reply.error("ERR wrong number of arguments for '" + (end == End.LEFT ? "lpop" : "rpop") + "' command");
        }
        boolean withCount = args.size() == 3;
        long count = 1;
        if (withCount) {
            OptionalLong c = RedisInts.parse(args.get(2));
            if (c.isEmpty() || c.getAsLong() < 0) return OUT_OF_RANGE;
            count = c.getAsLong();
        }
        byte[] key = args.get(1);
        if (keyspace.wrongType(txn, key, KeyType.LIST)) return Reply.WRONGTYPE;
        return DecidedReplies.of(lists.popCommand(txn, key, end, count), popped -> reply(popped, withCount));
    }

    private static Reply reply(Optional<List<byte[]>> popped, boolean withCount) {
        if (popped.isEmpty()) return withCount ? Reply.NULL_ARRAY : Reply.NULL_BULK;
        if (!withCount) return new Reply.Bulk(popped.get().get(0));
        List<Reply> items = new ArrayList<>(popped.get().size());
        for (byte[] p : popped.get()) items.add(new Reply.Bulk(p));
        return new Reply.Array(items);
    }
}
