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
 * list does not shrink — every element of these workloads is pushed once, so a drain that pops
 * {@value #MAX_REPEATS} elements in a row that it popped already is reading a corrupt list that may never
 * empty.
 */
final class DrainClient {
    static final Keyword UNKNOWN = Keyword.of("unknown");
    /** Consecutive failed LPOPs before the drain gives up. */
    private static final int MAX_FAILURES = 20;
    /** A drain never pops more than this (a list that keeps growing means something else is pushing). */
    private static final int MAX_ELEMENTS = 10_000_000;
    /** Pops in a row of elements this drain popped already, before it stops. */
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
                repeats = seen.add(e) ? 0 : repeats + 1;
                if (repeats >= MAX_REPEATS) {
                    return Completion.info(popped, "drain stopped: LPOP returned " + MAX_REPEATS
                            + " elements in a row that it had popped already (the list does not empty)");
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
        if (failures >= MAX_FAILURES) {
            return Completion.info(popped, "drain gave up after " + failures + " failed LPOPs: " + lastError);
        }
        return Completion.info(popped, Thread.currentThread().isInterrupted() ? "drain interrupted"
                : "drain stopped after " + MAX_ELEMENTS + " elements (something else keeps pushing)");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(Math.min(ms, 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
