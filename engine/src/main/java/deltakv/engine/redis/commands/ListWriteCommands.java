package deltakv.engine.redis.commands;

import deltakv.engine.collections.End;
import deltakv.engine.collections.ListStore;
import deltakv.engine.collections.KeyType;
import deltakv.engine.collections.Keyspace;
import deltakv.engine.redis.CommandSpec;
import deltakv.engine.redis.Reply;
import deltakv.engine.txn.Txn;
import java.util.List;

/** RPUSH, LPUSH, RPUSHX, LPUSHX. */
final class ListWriteCommands {
    private final Keyspace keyspace;
    private final ListStore lists;

    ListWriteCommands(Keyspace keyspace, ListStore lists) {
        this.keyspace = keyspace;
        this.lists = lists;
    }

    List<CommandSpec> specs() {
        return List.of(new CommandSpec("rpush", -3, true, (t, a) -> push(t, a, End.RIGHT, false)),
                new CommandSpec("lpush", -3, true, (t, a) -> push(t, a, End.LEFT, false)),
                new CommandSpec("rpushx", -3, true, (t, a) -> push(t, a, End.RIGHT, true)),
                new CommandSpec("lpushx", -3, true, (t, a) -> push(t, a, End.LEFT, true)));
    }

    private Reply push(Txn txn, List<byte[]> args, End end, boolean onlyIfExists) {
        byte[] key = args.get(1);
        if (!keyspace.prepareWrite(txn, key, KeyType.LIST)) return Reply.WRONGTYPE;
        return DecidedReplies.of(lists.pushCommand(txn, key, end, args.subList(2, args.size()), onlyIfExists),
                Reply.Int::new);
    }
}
