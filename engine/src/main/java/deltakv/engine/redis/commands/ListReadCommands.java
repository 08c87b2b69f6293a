package deltakv.engine.redis.commands;

import deltakv.engine.collections.ListStore;
import deltakv.engine.collections.RedisInts;
import deltakv.engine.collections.StringStore;
import deltakv.engine.redis.CommandSpec;
import deltakv.engine.redis.Reply;
import deltakv.engine.txn.Txn;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** LLEN, LRANGE, LINDEX. */
final class ListReadCommands {
    private final StringStore strings;
    private final ListStore lists;

    ListReadCommands(StringStore strings, ListStore lists) {
        this.strings = strings;
        this.lists = lists;
    }

    List<CommandSpec> specs() {
        return List.of(new CommandSpec("llen", 2, false, this::llen), new CommandSpec("lrange", 4, false, this::lrange),
                new CommandSpec("lindex", 3, false, this::lindex));
    }

    Reply llen(Txn txn, List<byte[]> args) {
        if (strings.exists(txn, args.get(1))) return Reply.WRONGTYPE;
        return new Reply.Int(lists.length(txn, args.get(1)));
    }

    /** Indexes are parsed before the key is looked up (Redis order). */
    Reply lrange(Txn txn, List<byte[]> args) {
        OptionalLong start = RedisInts.parse(args.get(2));
        OptionalLong stop = RedisInts.parse(args.get(3));
        if (start.isEmpty() || stop.isEmpty()) return Reply.NOT_INTEGER;
        if (strings.exists(txn, args.get(1))) return Reply.WRONGTYPE;
        List<byte[]> values = lists.range(txn, args.get(1), start.getAsLong(), stop.getAsLong());
        List<Reply> items = new ArrayList<>(values.size());
        for (byte[] v : values) items.add(new Reply.Bulk(v));
        return new Reply.Array(items);
    }

    /** The key is looked up before the index is parsed (Redis order: missing key → nil even for "abc"). */
    Reply lindex(Txn txn, List<byte[]> args) {
        byte[] key = args.get(1);
        if (strings.exists(txn, key)) return Reply.WRONGTYPE;
        if (!lists.exists(txn, key)) return Reply.NULL_BULK;
        OptionalLong index = RedisInts.parse(args.get(2));
        if (index.isEmpty()) return Reply.NOT_INTEGER;
        byte[] v = lists.index(txn, key, index.getAsLong());
        return v == null ? Reply.NULL_BULK : new Reply.Bulk(v);
    }
}
