package deltakv.engine.redis.commands;

import deltakv.engine.collections.Keyspace;
import deltakv.engine.collections.KeyType;
import deltakv.engine.collections.StringStore;
import deltakv.engine.collections.StringValue;
import deltakv.engine.redis.CommandSpec;
import deltakv.engine.redis.Reply;
import deltakv.engine.txn.Txn;
import java.util.List;

/** GET and SET. */
final class StringCommands {
    private final StringStore strings;
    private final Keyspace keyspace;

    StringCommands(StringStore strings, Keyspace keyspace) {
        this.strings = strings;
        this.keyspace = keyspace;
    }

    List<CommandSpec> specs() {
        return List.of(new CommandSpec("get", 2, false, this::get), new CommandSpec("set", -3, true, this::set));
    }

    Reply get(Txn txn, List<byte[]> args) {
        byte[] key = args.get(1);
        StringValue v = strings.read(txn, key);
        if (v != null) return new Reply.Bulk(v.bytes());
        return keyspace.wrongType(txn, key, KeyType.STRING) ? Reply.WRONGTYPE : Reply.NULL_BULK;
    }

    Reply set(Txn txn, List<byte[]> args) {
        long now = strings.nowMs();
        SetOptionsParser.Parsed p = SetOptionsParser.parse(args, now);
        if (p.error() != null) return p.error();
        SetOptions o = p.options();
        byte[] key = args.get(1);
        StringValue old = strings.read(txn, key);
        boolean otherType = old == null && keyspace.type(txn, key) != KeyType.NONE;
        if (o.get() && otherType) return Reply.WRONGTYPE;
        boolean exists = old != null || otherType;
        Reply done = o.get() ? (old == null ? Reply.NULL_BULK : new Reply.Bulk(old.bytes())) : Reply.OK;
        if ((o.nx() && exists) || (o.xx() && !exists)) return o.get() ? done : Reply.NULL_BULK;
        keyspace.delete(txn, key); // SET over a list, hash, set or sorted set removes it whole
        long deadline = o.keepTtl() && old != null ? old.deadlineMs() : o.deadlineMs();
        if (deadline == StringValue.NO_EXPIRY || deadline > now) strings.write(txn, key, new StringValue(deadline, args.get(2)));
        return done;
    }
}
