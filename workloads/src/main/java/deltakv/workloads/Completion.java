package deltakv.workloads;

import deltakv.checker.history.OpType;

/**
 * A client's verdict on one invocation (HARNESS.md §2): {@code OK} the server acknowledged it; {@code FAIL}
 * it certainly did not happen; {@code INFO} unknown. {@code value} is the completed op's value, {@code error}
 * the reply or exception that decided a fail/info.
 */
public record Completion(OpType type, Object value, String error) {
    public static Completion ok(Object value) {
        return new Completion(OpType.OK, value, null);
    }

    public static Completion fail(Object value, String error) {
        return new Completion(OpType.FAIL, value, error);
    }

    public static Completion info(Object value, String error) {
        return new Completion(OpType.INFO, value, error);
    }
}
