package deltakv.engine.redis.commands;

import deltakv.engine.collections.End;
import deltakv.engine.collections.ListStore;
import deltakv.engine.collections.KeyType;
import deltakv.engine.collections.Keyspace;
import deltakv.engine.redis.CommandSpec;
import deltakv.engine.redis.Reply;
import deltakv.engine.txn.Txn;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** RPOPLPUSH and LMOVE: the pop flow on the source and the push flow on the destination, one transaction. */
final class ListMoveCommands {
    private final Keyspace keyspace;
    private final ListStore lists;

    ListMoveCommands(Keyspace keyspace, ListStore lists) {
        this.keyspace = keyspace;
        this.lists = lists;
    }

    List<CommandSpec> specs() {
        return List.of(new CommandSpec("rpoplpush", 3, true, (t, a) -> move(t, a.get(1), a.get(2), End.RIGHT, End.LEFT)),
                new CommandSpec("lmove", 5, true, this::lmove));
    }

    Reply lmove(Txn txn, List<byte[]> args) {
        End from = end(args.get(3));
        End to = end(args.get(4));
        if (from == null || to == null) return Reply.SYNTAX;
        return move(txn, args.get(1), args.get(2), from, to);
    }

    private Reply move(Txn txn, byte[] src, byte[] dst, End from, End to) {
        if (keyspace.wrongType(txn, src, KeyType.LIST)) return Reply.WRONGTYPE;
        if (!lists.exists(txn, src)) return Reply.NULL_BULK;
        if (!keyspace.prepareWrite(txn, dst, KeyType.LIST)) return Reply.WRONGTYPE;
        List<byte[]> popped = lists.pop(txn, src, from, 1);
        if (popped.isEmpty()) return Reply.NULL_BULK;
        lists.push(txn, dst, to, popped);
        return new Reply.Bulk(popped.get(0));
    }

    private static End end(byte[] arg) {
        String s = new String(arg, StandardCharsets.UTF_8);
        if (s.equalsIgnoreCase("left")) return End.LEFT;
        if (s.equalsIgnoreCase("right")) return End.RIGHT;
        return null;
    }
}
