package deltakv.engine.redis.commands;

import deltakv.engine.collections.KeyType;
import deltakv.engine.collections.Keyspace;
import deltakv.engine.collections.RedisInts;
import deltakv.engine.collections.maps.FieldMap;
import deltakv.engine.redis.CommandSpec;
import deltakv.engine.redis.Reply;
import deltakv.engine.txn.Txn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Set commands with Redis 7's replies and order of checks. A set is a field map whose values are empty;
 * SMEMBERS lists members in byte order (Redis defines none); SPOP picks at random at the snapshot, so the
 * choice is made once, before commit, and replicated as plain deletes.
 */
final class SetCommands {
    private static final byte[] MEMBER = new byte[0];

    private final Keyspace keyspace;
    private final FieldMap sets;

    SetCommands(Keyspace keyspace, FieldMap sets) {
        this.keyspace = keyspace;
        this.sets = sets;
    }

    List<CommandSpec> specs() {
        return List.of(new CommandSpec("sadd", -3, true, this::sadd), new CommandSpec("srem", -3, true, this::srem),
                new CommandSpec("scard", 2, false, this::scard), new CommandSpec("sismember", 3, false, this::sismember),
                new CommandSpec("smismember", -3, false, this::smismember), new CommandSpec("smembers", 2, false, this::smembers),
                new CommandSpec("spop", -2, true, this::spop));
    }

    private Reply sadd(Txn txn, List<byte[]> args) {
        byte[] key = args.get(1);
        if (!keyspace.prepareWrite(txn, key, KeyType.SET)) return Reply.WRONGTYPE;
        long added = 0;
        for (byte[] m : args.subList(2, args.size())) if (sets.put(txn, key, m, MEMBER)) added++;
        return new Reply.Int(added);
    }

    private Reply read(Txn txn, byte[] key, Function<byte[], Reply> read) {
        return keyspace.wrongType(txn, key, KeyType.SET) ? Reply.WRONGTYPE : read.apply(key);
    }

    private Reply srem(Txn txn, List<byte[]> args) {
        return read(txn, args.get(1), key -> {
            long n = 0;
            for (byte[] m : args.subList(2, args.size())) if (sets.remove(txn, key, m)) n++;
            return new Reply.Int(n);
        });
    }

    private Reply scard(Txn txn, List<byte[]> args) {
        return read(txn, args.get(1), key -> new Reply.Int(sets.size(txn, key)));
    }

    private Reply sismember(Txn txn, List<byte[]> args) {
        return read(txn, args.get(1), key -> new Reply.Int(sets.get(txn, key, args.get(2)) == null ? 0 : 1));
    }

    private Reply smismember(Txn txn, List<byte[]> args) {
        return read(txn, args.get(1), key -> {
            List<Reply> out = new ArrayList<>();
            for (byte[] m : args.subList(2, args.size())) out.add(new Reply.Int(sets.get(txn, key, m) == null ? 0 : 1));
            return new Reply.Array(out);
        });
    }

    private Reply smembers(Txn txn, List<byte[]> args) {
        return read(txn, args.get(1), key -> {
            List<Reply> out = new ArrayList<>();
            for (Txn.KV kv : sets.entries(txn, key)) out.add(new Reply.Bulk(kv.key()));
            return new Reply.Array(out);
        });
    }

    /** SPOP key → one member or nil; SPOP key count → an array (count checked first, must be ≥ 0). */
    private Reply spop(Txn txn, List<byte[]> args) {
        if (args.size() > 3) return Reply.SYNTAX;
        boolean withCount = args.size() == 3;
        long count = 1;
        if (withCount) {
            OptionalLong c = RedisInts.parse(args.get(2));
            if (c.isEmpty() || c.getAsLong() < 0) return ListPopCommands.OUT_OF_RANGE;
            count = c.getAsLong();
        }
        long n = count;
        return read(txn, args.get(1), key -> {
            List<Txn.KV> members = n == 0 ? List.of() : sets.entries(txn, key);
            if (!withCount && members.isEmpty()) return Reply.NULL_BULK;
            List<Txn.KV> shuffled = new ArrayList<>(members);
            Collections.shuffle(shuffled, ThreadLocalRandom.current());
            List<Reply> out = new ArrayList<>();
            for (Txn.KV kv : shuffled.subList(0, (int) Math.min(n, shuffled.size()))) {
                sets.remove(txn, key, kv.key());
                out.add(new Reply.Bulk(kv.key()));
            }
            return withCount ? new Reply.Array(out) : out.get(0);
        });
    }
}
