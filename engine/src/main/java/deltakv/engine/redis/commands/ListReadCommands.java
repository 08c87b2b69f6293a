package deltakv.engine.redis.commands;

import deltakv.engine.collections.ListStore;
import deltakv.engine.collections.RedisInts;
import deltakv.engine.collections.KeyType;
import deltakv.engine.collections.Keyspace;
import deltakv.engine.redis.CommandSpec;
import deltakv.engine.redis.Reply;
import deltakv.engine.txn.Txn;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** LLEN, LRANGE, LINDEX. */
final class ListReadCommands {
    private final Keyspace keyspace;
    private final ListStore lists;

    ListReadCommands(Keyspace keyspace, ListStore lists) {
        this.keyspace = keyspace;
        this.lists = lists;
    }

    List<CommandSpec> specs() {
        return List.of(new CommandSpec("llen", 2, false, this::llen), new CommandSpec("lrange", 4, false, this::lrange),
                new CommandSpec("lindex", 3, false, this::lindex));
    }

    Reply llen(Txn txn, List<byte[]> args) {
        if (keyspace.wrongType(txn, args.get(1), KeyType.LIST)) return Reply.WRONGTYPE;
        return new Reply.Int(lists.length(txn, args.get(1)));
    }

    /** Indexes are parsed before the key is looked up (Redis order). */
    Reply lrange(Txn txn, List<byte[]> args) {
        OptionalLong start = RedisInts.parse(args.get(2));
        OptionalLong stop = RedisInts.parse(args.get(3));
        if (start.isEmpty() || stop.isEmpty()) return Reply.NOT_INTEGER;
        if (keyspace.wrongType(txn, args.get(1), KeyType.LIST)) return Reply.WRONGTYPE;
        List<byte[]> values = lists.range(txn, args.get(1), start.getAsLong(), stop.getAsLong());
        List<Reply> items = new ArrayList<>(values.size());
        for (byte[] v : values) items.add(new Reply.Bulk(v));
        return new Reply.Array(items);
    }

    /** The key is looked up before the index is parsed (Redis order: missing key → nil even for "abc"). */
    Reply lindex(Txn txn, List<byte[]> args) {
        byte[] key = args.get(1);
        if (keyspace.wrongType(txn, key, KeyType.LIST)) return Reply.WRONGTYPE;
        if (!lists.exists(txn, key)) return Reply.NULL_BULK;
        OptionalLong index = RedisInts.parse(args.get(2));
        if (index.isEmpty()) return Reply.NOT_INTEGER;
        byte[] v = lists.index(txn, key, index.getAsLong());
        return v == null ? Reply.NULL_BULK : new Reply.Bulk(v);
    }
}
