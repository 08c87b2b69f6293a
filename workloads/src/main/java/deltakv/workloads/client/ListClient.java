package deltakv.workloads.client;

import deltakv.workloads.Completion;
import deltakv.workloads.Invocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;

/**
 * One Redis list command per op, on the op's {@code :key} — the commands the {@code queue} and {@code deque}
 * workloads send. Values are the shapes the checkers read (docs/checkers.md): a push is invoked
 * {@code [e nil]} and completes {@code [e n]} with Redis's new length (the queue's {@code :enqueue} is just
 * {@code e}); a pop completes with the element or nil; {@code :llen} with the length; {@code :lrange} with
 * the list; {@code :del} with 1 or 0; {@code :drain} with every element popped until the list was empty.
 * With {@code multiEvery} n > 0, every n-th op of the worker goes alone inside MULTI/EXEC (the deque
 * workload does this: a command must behave the same in a transaction block, and upstream's did not).
 */
public final class ListClient extends RedisClient {
    private final int multiEvery;

    public ListClient(Connection conn) {
        this(conn, 0);
    }

    public ListClient(Connection conn, int multiEvery) {
        super(conn);
        this.multiEvery = multiEvery;
    }

    @Override
    protected Completion run(Invocation op) {
        String key = conn.key(op.key());
        boolean multi = multiEvery > 0 && conn.nextOp() % multiEvery == 0 && !op.f().equals("drain") && !op.f().equals("enqueue");
        return switch (op.f()) {
            case "enqueue" -> {
                conn.jedis().rpush(key, String.valueOf(op.value()));
                yield Completion.ok(op.value());
            }
            case "dequeue", "lpop" -> Completion.ok(number((String) send(multi, op, key)));
            case "rpop" -> Completion.ok(number((String) send(multi, op, key)));
            case "lpush", "rpush" -> Completion.ok(Arrays.asList(element(op), send(multi, op, key)));
            case "llen", "del" -> Completion.ok(send(multi, op, key));
            case "lrange" -> Completion.ok(numbers(strings(send(multi, op, key))));
            case "drain" -> DrainClient.drain(conn, key);
            default -> throw new IllegalArgumentException("list client has no op " + op.f());
        };
    }

    /** The command's reply, sent plainly or alone in MULTI/EXEC; an error reply is thrown either way. */
    private Object send(boolean multi, Invocation op, String key) {
        if (!multi) {
            var j = conn.jedis();
            return switch (op.f()) {
                case "dequeue", "lpop" -> j.lpop(key);
                case "rpop" -> j.rpop(key);
                case "lpush" -> j.lpush(key, String.valueOf(element(op)));
                case "rpush" -> j.rpush(key, String.valueOf(element(op)));
                case "llen" -> j.llen(key);
                case "lrange" -> j.lrange(key, 0, -1);
                case "del" -> j.del(key);
                default -> throw new IllegalArgumentException("list client has no op " + op.f());
            };
        }
        try (Transaction t = conn.jedis().multi()) {
            Response<?> r = switch (op.f()) {
                case "dequeue", "lpop" -> t.lpop(key);
                case "rpop" -> t.rpop(key);
                case "lpush" -> t.lpush(key, String.valueOf(element(op)));
                case "rpush" -> t.rpush(key, String.valueOf(element(op)));
                case "llen" -> t.llen(key);
                case "lrange" -> t.lrange(key, 0, -1);
                case "del" -> t.del(key);
                default -> throw new IllegalArgumentException("list client has no op " + op.f());
            };
            t.exec();
            return r.get();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object reply) {
        return (List<String>) reply;
    }

    /** A push's element: the first of {@code [e nil]}. */
    private static Object element(Invocation op) {
        return ((List<?>) op.value()).get(0);
    }

    private static List<Object> numbers(List<String> strings) {
        List<Object> out = new ArrayList<>(strings.size());
        for (String s : strings) out.add(number(s));
        return out;
    }
}
