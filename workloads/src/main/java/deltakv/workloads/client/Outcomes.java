package deltakv.workloads.client;

import deltakv.checker.history.OpType;
import java.net.ConnectException;
import java.util.Set;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * HARNESS.md §2's rules for what a failure means. A definite error reply is trusted ({@code -TRYAGAIN},
 * {@code -WRONGTYPE}, {@code -ERR} for a refused command: it did not happen → {@code :fail}); anything
 * that may have happened is {@code :info}: a timeout, a lost connection, {@code -UNKNOWN},
 * {@code -NOTLEADER} after sending, an internal error, a reply we do not recognise. A connection that
 * could not even be opened sent nothing → {@code :fail}, and the node counts as unreachable.
 */
public final class Outcomes {
    /** Error prefixes meaning "the server did nothing". */
    private static final Set<String> DEFINITE = Set.of("TRYAGAIN", "WRONGTYPE", "EXECABORT", "LOADING",
            "NOAUTH", "NOPERM", "READONLY", "NOSCRIPT", "BUSYKEY");

    private Outcomes() {}

    /** How one failure classifies. */
    public record Outcome(OpType type, String error, boolean unreachable) {}

    public static Outcome classify(RuntimeException e) {
        if (e instanceof JedisConnectionException) {
            // Jedis 8 reports a failed connect as "Failed to connect to host:port." with the ConnectException
            // suppressed, not as the cause: either way nothing was sent.
            boolean refused = causedBy(e, ConnectException.class) || String.valueOf(e.getMessage()).startsWith("Failed to connect");
            String what = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            return new Outcome(refused ? OpType.FAIL : OpType.INFO, (refused ? "connect: " : "connection: ") + what, refused);
        }
        if (e instanceof JedisDataException) return reply(e.getMessage());
        return new Outcome(OpType.INFO, "client: " + e, false);
    }

    /** An error reply's text (without the leading {@code -}). */
    public static Outcome reply(String message) {
        String m = message == null ? "" : message;
        String prefix = m.split(" ", 2)[0];
        // "EXEC without MULTI": the MULTI was lost (a relay broke), so the queued commands ran alone
        boolean definite = DEFINITE.contains(prefix)
                || prefix.equals("ERR") && !m.startsWith("ERR internal") && !m.startsWith("ERR EXEC without MULTI");
        return new Outcome(definite ? OpType.FAIL : OpType.INFO, m, false);
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) return true;
            for (Throwable s : c.getSuppressed()) if (type.isInstance(s)) return true;
        }
        return false;
    }
}
