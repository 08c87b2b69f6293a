package deltakv.workloads.client;

import deltakv.checker.history.Keyword;
import deltakv.checker.history.OpType;
import deltakv.workloads.Completion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The final phase's {@code :drain} of one list: LPOP until the list answers nil. An LPOP whose outcome is
 * unknown (timeout, lost connection) may or may not have removed the head: it is recorded as an
 * {@code :unknown} marker in the drained vector (the checkers' rule, docs/checkers.md) and the drain goes
 * on over a fresh connection. A definite error is retried. A drain that cannot finish completes
 * {@code :info} with what it popped so far: after {@value #MAX_FAILURES} failed LPOPs in a row, or when the
 * list does not shrink — every element of these workloads is pushed once, so a drain that keeps popping
 * elements it popped already ({@value #MAX_REPEATS} times) is reading a corrupt list that may never empty.
 */
final class DrainClient {
    static final Keyword UNKNOWN = Keyword.of("unknown");
    /** Consecutive failed LPOPs before the drain gives up. */
    private static final int MAX_FAILURES = 20;
    /** A drain never pops more than this (a list that keeps growing means something else is pushing). */
    private static final int MAX_ELEMENTS = 10_000_000;
    /** Pops of an element this drain popped already, before it stops. */
    static final int MAX_REPEATS = 1000;

    private DrainClient() {}

    static Completion drain(Connection conn, String key) {
        List<Object> popped = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        int repeats = 0;
        int failures = 0;
        String lastError = null;
        while (popped.size() < MAX_ELEMENTS && !Thread.currentThread().isInterrupted()) {
            try {
                String v = conn.jedis().lpop(key);
                failures = 0;
                if (v == null) return Completion.ok(popped);
                Object e = RedisClient.number(v);
                popped.add(e);
                if (!seen.add(e) && ++repeats >= MAX_REPEATS) {
                    return Completion.info(popped, "drain stopped: LPOP returned elements it had popped already "
                            + MAX_REPEATS + " times (the list does not empty)");
                }
            } catch (RuntimeException e) {
                Outcomes.Outcome o = Outcomes.classify(e);
                lastError = o.error();
                if (o.type() == OpType.INFO) popped.add(UNKNOWN);
                conn.reset();
                if (++failures >= MAX_FAILURES) break;
                sleep(100L * failures);
            }
        }
        return Completion.info(popped, "drain gave up after " + failures + " failed LPOPs: " + lastError);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(Math.min(ms, 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
