package deltakv.workloads.client;

import deltakv.workloads.Completion;
import deltakv.workloads.Invocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.resps.Tuple;

/**
 * One set, hash or sorted-set command per op, on the op's {@code :key} — what the {@code set}, {@code hash} and
 * {@code zset} workloads send, in the shapes the {@code collection} model reads: {@code :add [e v nil]}
 * completes {@code [e v r]} with SADD/HSET/ZADD's reply (v: nil, the field's value, the score),
 * {@code :remove [e nil]} completes {@code [e r]}, {@code :card} with SCARD/HLEN/ZCARD, {@code :read} with
 * SMEMBERS / HGETALL / ZRANGE 0 -1 WITHSCORES, {@code :del} with DEL's reply. Every {@code multiEvery}-th op
 * goes alone inside MULTI/EXEC.
 */
public final class CollectionClient extends RedisClient {
    /** Which Redis type the client speaks. */
    public enum Kind { SET, HASH, ZSET }

    private final Kind kind;
    private final int multiEvery;

    public CollectionClient(Connection conn, Kind kind, int multiEvery) {
        super(conn);
        this.kind = kind;
        this.multiEvery = multiEvery;
    }

    @Override
    protected Completion run(Invocation op) {
        String key = conn.key(op.key());
        boolean multi = multiEvery > 0 && conn.nextOp() % multiEvery == 0;
        Object reply = multi ? inMulti(op, key) : plain(op, key);
        return switch (op.f()) {
            case "add" -> Completion.ok(Arrays.asList(arg(op, 0), arg(op, 1), reply));
            case "remove" -> Completion.ok(Arrays.asList(arg(op, 0), reply));
            case "card", "del" -> Completion.ok(reply);
            case "read" -> Completion.ok(read(reply));
            default -> throw new IllegalArgumentException("collection client has no op " + op.f());
        };
    }

    private Object plain(Invocation op, String key) {
        Jedis j = conn.jedis();
        String e = String.valueOf(arg(op, 0));
        return switch (op.f() + "/" + kind) {
            case "add/SET" -> j.sadd(key, e);
            case "add/HASH" -> j.hset(key, e, String.valueOf(arg(op, 1)));
            case "add/ZSET" -> j.zadd(key, ((Number) arg(op, 1)).doubleValue(), e);
            case "remove/SET" -> j.srem(key, e);
            case "remove/HASH" -> j.hdel(key, e);
            case "remove/ZSET" -> j.zrem(key, e);
            case "card/SET" -> j.scard(key);
            case "card/HASH" -> j.hlen(key);
            case "card/ZSET" -> j.zcard(key);
            case "read/SET" -> j.smembers(key);
            case "read/HASH" -> j.hgetAll(key);
            case "read/ZSET" -> j.zrangeWithScores(key, 0, -1);
            default -> j.del(key);
        };
    }

    private Object inMulti(Invocation op, String key) {
        try (Transaction t = conn.jedis().multi()) {
            String e = String.valueOf(arg(op, 0));
            Response<?> r = switch (op.f() + "/" + kind) {
                case "add/SET" -> t.sadd(key, e);
                case "add/HASH" -> t.hset(key, e, String.valueOf(arg(op, 1)));
                case "add/ZSET" -> t.zadd(key, ((Number) arg(op, 1)).doubleValue(), e);
                case "remove/SET" -> t.srem(key, e);
                case "remove/HASH" -> t.hdel(key, e);
                case "remove/ZSET" -> t.zrem(key, e);
                case "card/SET" -> t.scard(key);
                case "card/HASH" -> t.hlen(key);
                case "card/ZSET" -> t.zcard(key);
                case "read/SET" -> t.smembers(key);
                case "read/HASH" -> t.hgetAll(key);
                case "read/ZSET" -> t.zrangeWithScores(key, 0, -1);
                default -> t.del(key);
            };
            t.exec();
            return r.get();
        }
    }

    /** The i-th item of a vector value, or nil (card, read and del carry none). */
    private static Object arg(Invocation op, int i) {
        return op.value() instanceof List<?> l && l.size() > i ? l.get(i) : null;
    }

    /** Members and values as numbers (the workloads write decimal numbers); scores as longs when whole. */
    private static Object read(Object reply) {
        if (reply instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((f, v) -> out.put(number((String) f), number((String) v)));
            return out;
        }
        List<Object> out = new ArrayList<>();
        for (Object item : (Collection<?>) reply) {
            if (item instanceof Tuple t) {
                double s = t.getScore();
                out.add(List.of(number(t.getElement()), s == Math.rint(s) ? (Object) (long) s : (Object) s));
            } else {
                out.add(number((String) item));
            }
        }
        return out;
    }
}
