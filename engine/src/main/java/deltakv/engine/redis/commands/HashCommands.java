package deltakv.engine.redis.commands;

import deltakv.engine.collections.KeyType;
import deltakv.engine.collections.Keyspace;
import deltakv.engine.collections.RedisInts;
import deltakv.engine.collections.maps.FieldMap;
import deltakv.engine.redis.CommandSpec;
import deltakv.engine.redis.Reply;
import deltakv.engine.txn.Txn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Hash commands with Redis 7's replies and order of checks (arguments, then the key's type, then values).
 * A missing hash reads as empty; HGETALL, HKEYS and HVALS list fields in byte order (Redis defines none).
 */
final class HashCommands {
    private static final Reply NOT_INTEGER_VALUE = Reply.error("ERR hash value is not an integer");

    private final Keyspace keyspace;
    private final FieldMap hashes;

    HashCommands(Keyspace keyspace, FieldMap hashes) {
        this.keyspace = keyspace;
        this.hashes = hashes;
    }

    List<CommandSpec> specs() {
        return List.of(new CommandSpec("hset", -4, true, (t, a) -> hset(t, a, "hset")),
                new CommandSpec("hmset", -4, true, (t, a) -> hset(t, a, "hmset")),
                new CommandSpec("hsetnx", 4, true, this::hsetnx), new CommandSpec("hget", 3, false, this::hget),
                new CommandSpec("hmget", -3, false, this::hmget), new CommandSpec("hgetall", 2, false, (t, a) -> all(t, a, true, true)),
                new CommandSpec("hkeys", 2, false, (t, a) -> all(t, a, true, false)),
                new CommandSpec("hvals", 2, false, (t, a) -> all(t, a, false, true)),
                new CommandSpec("hdel", -3, true, this::hdel), new CommandSpec("hexists", 3, false, this::hexists),
                new CommandSpec("hlen", 2, false, this::hlen), new CommandSpec("hincrby", 4, true, this::hincrby),
                new CommandSpec("hstrlen", 3, false, this::hstrlen));
    }

    /** HSET key field value [field value …] → fields added; HMSET → OK. */
    private Reply hset(Txn txn, List<byte[]> args, String name) {
        if (args.size() % 2 != 0) return Reply.error("ERR wrong number of arguments for '" + name + "' command");
        byte[] key = args.get(1);
        if (!keyspace.prepareWrite(txn, key, KeyType.HASH)) return Reply.WRONGTYPE;
        long added = 0;
        for (int i = 2; i < args.size(); i += 2) if (hashes.put(txn, key, args.get(i), args.get(i + 1))) added++;
        return name.equals("hmset") ? Reply.OK : new Reply.Int(added);
    }

    private Reply hsetnx(Txn txn, List<byte[]> args) {
        byte[] key = args.get(1);
        if (!keyspace.prepareWrite(txn, key, KeyType.HASH)) return Reply.WRONGTYPE;
        if (hashes.get(txn, key, args.get(2)) != null) return new Reply.Int(0);
        hashes.put(txn, key, args.get(2), args.get(3));
        return new Reply.Int(1);
    }

    /** Runs {@code read} if the key holds no other type. */
    private Reply read(Txn txn, byte[] key, Function<byte[], Reply> read) {
        return keyspace.wrongType(txn, key, KeyType.HASH) ? Reply.WRONGTYPE : read.apply(key);
    }

    private Reply hget(Txn txn, List<byte[]> args) {
        return read(txn, args.get(1), key -> bulkOrNull(hashes.get(txn, key, args.get(2))));
    }

    private Reply hmget(Txn txn, List<byte[]> args) {
        return read(txn, args.get(1), key -> {
            List<Reply> out = new ArrayList<>();
            for (byte[] f : args.subList(2, args.size())) out.add(bulkOrNull(hashes.get(txn, key, f)));
            return new Reply.Array(out);
        });
    }

    private Reply all(Txn txn, List<byte[]> args, boolean fields, boolean values) {
        return read(txn, args.get(1), key -> {
            List<Reply> out = new ArrayList<>();
            for (Txn.KV kv : hashes.entries(txn, key)) {
                if (fields) out.add(new Reply.Bulk(kv.key()));
                if (values) out.add(new Reply.Bulk(kv.value()));
            }
            return new Reply.Array(out);
        });
    }

    private Reply hdel(Txn txn, List<byte[]> args) {
        return read(txn, args.get(1), key -> {
            long n = 0;
            for (byte[] f : args.subList(2, args.size())) if (hashes.remove(txn, key, f)) n++;
            return new Reply.Int(n);
        });
    }

    private Reply hexists(Txn txn, List<byte[]> args) {
        return read(txn, args.get(1), key -> new Reply.Int(hashes.get(txn, key, args.get(2)) == null ? 0 : 1));
    }

    private Reply hlen(Txn txn, List<byte[]> args) {
        return read(txn, args.get(1), key -> new Reply.Int(hashes.size(txn, key)));
    }

    private Reply hstrlen(Txn txn, List<byte[]> args) {
        return read(txn, args.get(1), key -> {
            byte[] v = hashes.get(txn, key, args.get(2));
            return new Reply.Int(v == null ? 0 : v.length);
        });
    }

    /** HINCRBY: the increment is parsed first, then the type, then the field's value. */
    private Reply hincrby(Txn txn, List<byte[]> args) {
        OptionalLong inc = RedisInts.parse(args.get(3));
        if (inc.isEmpty()) return Reply.NOT_INTEGER;
        byte[] key = args.get(1);
        if (!keyspace.prepareWrite(txn, key, KeyType.HASH)) return Reply.WRONGTYPE;
        byte[] old = hashes.get(txn, key, args.get(2));
        long value = 0;
        if (old != null) {
            OptionalLong v = RedisInts.parse(old);
            if (v.isEmpty()) return NOT_INTEGER_VALUE;
            value = v.getAsLong();
        }
        long by = inc.getAsLong();
        if ((by < 0 && value < 0 && by < Long.MIN_VALUE - value) || (by > 0 && value > 0 && by > Long.MAX_VALUE - value)) {
            return CounterCommands.OVERFLOW;
        }
        long next = value + by;
        hashes.put(txn, key, args.get(2), Long.toString(next).getBytes(StandardCharsets.US_ASCII));
        return new Reply.Int(next);
    }

    static Reply bulkOrNull(byte[] v) {
        return v == null ? Reply.NULL_BULK : new Reply.Bulk(v);
    }
}
