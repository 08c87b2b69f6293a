package deltakv.workloads.client;

import deltakv.workloads.Completion;
import deltakv.workloads.Invocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One Redis list command per op, on the op's {@code :key} — the commands the {@code queue} and {@code deque}
 * workloads send. Values are the shapes the checkers read (docs/checkers.md): a push is invoked
 * {@code [e nil]} and completes {@code [e n]} with Redis's new length (the queue's {@code :enqueue} is just
 * {@code e}); a pop completes with the element or nil; {@code :llen} with the length; {@code :lrange} with
 * the list; {@code :del} with 1 or 0; {@code :drain} with every element popped until the list was empty.
 */
public final class ListClient extends RedisClient {
    public ListClient(Connection conn) {
        super(conn);
    }

    @Override
    protected Completion run(Invocation op) {
        String key = conn.key(op.key());
        var j = conn.jedis();
        return switch (op.f()) {
            case "enqueue" -> {
                j.rpush(key, String.valueOf(op.value()));
                yield Completion.ok(op.value());
            }
            case "dequeue", "lpop" -> Completion.ok(number(j.lpop(key)));
            case "rpop" -> Completion.ok(number(j.rpop(key)));
            case "lpush" -> Completion.ok(Arrays.asList(element(op), j.lpush(key, String.valueOf(element(op)))));
            case "rpush" -> Completion.ok(Arrays.asList(element(op), j.rpush(key, String.valueOf(element(op)))));
            case "llen" -> Completion.ok(j.llen(key));
            case "lrange" -> Completion.ok(numbers(j.lrange(key, 0, -1)));
            case "del" -> Completion.ok(j.del(key));
            case "drain" -> DrainClient.drain(conn, key);
            default -> throw new IllegalArgumentException("list client has no op " + op.f());
        };
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
