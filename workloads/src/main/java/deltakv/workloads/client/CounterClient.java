package deltakv.workloads.client;

import deltakv.workloads.Completion;
import deltakv.workloads.Invocation;

/**
 * The {@code counter} workload's commands on the op's {@code :key}: {@code :add n} → {@code INCRBY k n}
 * (completes with n, as Jepsen's counter checker reads it), {@code :read} → {@code GET k} (nil reads as 0:
 * the counter starts there).
 */
public final class CounterClient extends RedisClient {
    public CounterClient(Connection conn) {
        super(conn);
    }

    @Override
    protected Completion run(Invocation op) {
        String key = conn.key(op.key());
        return switch (op.f()) {
            case "add" -> {
                conn.jedis().incrBy(key, ((Number) op.value()).longValue());
                yield Completion.ok(op.value());
            }
            case "read" -> {
                Object v = number(conn.jedis().get(key));
                yield Completion.ok(v == null ? 0L : v);
            }
            default -> throw new IllegalArgumentException("counter client has no op " + op.f());
        };
    }
}
