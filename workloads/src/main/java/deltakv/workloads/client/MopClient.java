package deltakv.workloads.client;

import deltakv.checker.history.Keyword;
import deltakv.workloads.Completion;
import deltakv.workloads.Invocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Transactions of micro-ops {@code [f k v]} (Elle's shape), as Jepsen's Redis tests send them: one micro-op
 * alone as a plain command, more inside MULTI/EXEC. A subclass says how one micro-op maps to a command.
 * An EXEC aborted by WATCH is a {@code :fail}; a command that failed inside an executed MULTI leaves the
 * transaction half done, so its outcome is {@code :info}.
 */
public abstract class MopClient extends RedisClient {
    protected MopClient(Connection conn) {
        super(conn);
    }

    /** Runs one micro-op as a plain command and returns its value (the read's result, or the written value). */
    protected abstract Object alone(Keyword f, String key, Object value);

    /** Queues one micro-op in {@code t}; the response's value completes it. */
    protected abstract Response<?> queue(Transaction t, Keyword f, String key, Object value);

    /** The completed micro-op value from a queued command's result. */
    protected abstract Object completed(Keyword f, Object value, Object result);

    @Override
    protected Completion run(Invocation op) {
        List<?> mops = (List<?>) op.value();
        List<Object> done = new ArrayList<>(mops.size());
        if (mops.size() == 1) {
            List<?> m = (List<?>) mops.get(0);
            Keyword f = (Keyword) m.get(0);
            done.add(Arrays.asList(f, m.get(1), alone(f, conn.key(m.get(1)), m.get(2))));
            return Completion.ok(done);
        }
        List<Response<?>> responses = new ArrayList<>(mops.size());
        try (Transaction t = conn.jedis().multi()) {
            for (Object o : mops) {
                List<?> m = (List<?>) o;
                responses.add(queue(t, (Keyword) m.get(0), conn.key(m.get(1)), m.get(2)));
            }
            List<Object> results = t.exec();
            if (results == null) return Completion.fail(op.value(), "EXEC aborted (WATCH)");
            for (int i = 0; i < mops.size(); i++) {
                List<?> m = (List<?>) mops.get(i);
                Object result;
                try {
                    result = responses.get(i).get();
                } catch (JedisDataException e) {
                    return Completion.info(op.value(), "inside EXEC: " + e.getMessage());
                }
                done.add(Arrays.asList(m.get(0), m.get(1), completed((Keyword) m.get(0), m.get(2), result)));
            }
        }
        return Completion.ok(done);
    }
}
