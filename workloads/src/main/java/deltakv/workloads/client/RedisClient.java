package deltakv.workloads.client;

import deltakv.checker.history.OpType;
import deltakv.workloads.Client;
import deltakv.workloads.Completion;
import deltakv.workloads.Invocation;

/**
 * The part every workload client shares: run the workload's commands, classify any failure with
 * {@link Outcomes}, and drop the connection after an unknown outcome (a late reply must never be read as
 * the answer to the next command).
 */
public abstract class RedisClient implements Client {
    protected final Connection conn;
    private boolean unreachable;

    protected RedisClient(Connection conn) {
        this.conn = conn;
    }

    /** Sends the commands for {@code op} and returns the completed value; server errors are thrown. */
    protected abstract Completion run(Invocation op);

    @Override
    public final Completion invoke(Invocation op) {
        try {
            Completion c = run(op);
            unreachable = false;
            if (c.type() == OpType.INFO) conn.reset();
            return c;
        } catch (RuntimeException e) {
            Outcomes.Outcome o = Outcomes.classify(e);
            unreachable = o.unreachable();
            if (o.type() != OpType.FAIL || o.unreachable()) conn.reset();
            return new Completion(o.type(), op.value(), o.error());
        }
    }

    @Override
    public boolean unreachable() {
        return unreachable;
    }

    @Override
    public void close() {
        conn.close();
    }

    /** Redis strings the workloads write are decimal numbers; anything else is reported as it is. */
    protected static Object number(String s) {
        if (s == null) return null;
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return s;
        }
    }
}
