package deltakv.checker.linear.sim;

import java.util.Random;

/** An atomic object the simulator drives; applying an op at one instant is what makes the history linearizable. */
interface SimulatedObject {
    /** A new op for a client to invoke: function name and invocation value. */
    Call next(Random random);

    /** Applies the call atomically; returns the completion, or null when it fails (e.g. cas mismatch). */
    Completion apply(Call call);

    record Call(String f, Object value, Object key) {}

    record Completion(Object value) {}
}
