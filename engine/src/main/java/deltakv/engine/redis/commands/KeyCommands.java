package deltakv.engine.redis.commands;

import deltakv.engine.collections.Keyspace;
import deltakv.engine.redis.CommandSpec;
import deltakv.engine.redis.Reply;
import deltakv.engine.txn.Txn;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** DEL, UNLINK, EXISTS, TYPE, DBSIZE, FLUSHALL. */
final class KeyCommands {
    private final Keyspace keyspace;

    KeyCommands(Keyspace keyspace) {
        this.keyspace = keyspace;
    }

    List<CommandSpec> specs() {
        return List.of(new CommandSpec("del", -2, true, this::del), new CommandSpec("unlink", -2, true, this::del),
                new CommandSpec("exists", -2, false, this::exists), new CommandSpec("type", 2, false, this::type),
                new CommandSpec("dbsize", 1, false, this::dbsize), new CommandSpec("flushall", -1, true, this::flushall));
    }

    Reply del(Txn txn, List<byte[]> args) {
        long n = 0;
        for (byte[] key : args.subList(1, args.size())) if (keyspace.delete(txn, key)) n++;
        return new Reply.Int(n);
    }

    Reply exists(Txn txn, List<byte[]> args) {
        long n = 0;
        for (byte[] key : args.subList(1, args.size())) if (keyspace.exists(txn, key)) n++;
        return new Reply.Int(n);
    }

    Reply type(Txn txn, List<byte[]> args) {
        return new Reply.Simple(keyspace.type(txn, args.get(1)).redisName());
    }

    Reply dbsize(Txn txn, List<byte[]> args) {
        return new Reply.Int(keyspace.size(txn));
    }

    /** FLUSHALL [ASYNC|SYNC]: both modes delete synchronously here. */
    Reply flushall(Txn txn, List<byte[]> args) {
        if (args.size() > 2) return Reply.SYNTAX;
        if (args.size() == 2) {
            String mode = new String(args.get(1), StandardCharsets.UTF_8);
            if (!mode.equalsIgnoreCase("async") && !mode.equalsIgnoreCase("sync")) return Reply.SYNTAX;
        }
        keyspace.flushAll(txn);
        return Reply.OK;
    }
}
