package deltakv.checker.jepsen;

import deltakv.checker.CheckResult;
import deltakv.checker.Checker;
import deltakv.checker.Validity;
import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jepsen's counter: the counter starts at 0 and only grows by non-negative {@code :add}s. Each ok {@code :read}
 * must lie between the sum of adds acknowledged before the read began and the sum of adds that might have
 * happened (not known to have failed) by the time it ended.
 */
public final class CounterChecker implements Checker {
    /** One checked read: the bounds and the value. */
    private record Read(long lower, long value, long upper, Op op) {
        boolean ok() {
            return lower <= value && value <= upper;
        }

        List<Object> asData() {
            return List.of(lower, value, upper);
        }
    }

    @Override
    public CheckResult check(List<Op> history) {
        Completions c = new Completions(history);
        long lower = 0;
        long upper = 0;
        Map<Object, long[]> pending = new HashMap<>(); // process -> {lower at invoke, value read}
        List<Read> reads = new ArrayList<>();
        for (Op op : c.clientOps) {
            if (op.f().equals("read")) {
                if (op.type() == OpType.INVOKE) {
                    Op done = c.completion(op);
                    if (done != null && done.type() == OpType.OK) pending.put(op.process(), new long[] {lower, number(done)});
                } else if (op.type() == OpType.OK) {
                    long[] r = pending.remove(op.process());
                    reads.add(new Read(r[0], r[1], upper, op));
                }
            } else if (op.f().equals("add")) {
                long v = number(op);
                if (v < 0) throw new IllegalArgumentException("counter adds must be non-negative; got " + v + " at index " + op.index());
                if (op.type() == OpType.INVOKE) {
                    Op done = c.completion(op);
                    if (done == null || done.type() != OpType.FAIL) upper += v;
                } else if (op.type() == OpType.OK) {
                    lower += v;
                }
            }
        }
        List<Object> all = new ArrayList<>();
        List<Object> errors = new ArrayList<>();
        StringBuilder why = new StringBuilder();
        for (Read r : reads) {
            all.add(r.asData());
            if (!r.ok()) {
                errors.add(r.asData());
                if (errors.size() <= 5) {
                    why.append("read of ").append(r.value).append(" at index ").append(r.op.index())
                            .append(" outside [").append(r.lower).append(", ").append(r.upper).append("]\n");
                }
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reads", all);
        fields.put("errors", errors);
        boolean valid = errors.isEmpty();
        return new JepsenResult(valid ? Validity.TRUE : Validity.FALSE,
                valid ? List.of() : List.of("counter-out-of-bounds"), why.toString(), fields);
    }

    private static long number(Op op) {
        if (op.value() instanceof Long || op.value() instanceof Integer) return ((Number) op.value()).longValue();
        throw new IllegalArgumentException("counter :" + op.f() + " at index " + op.index()
                + " needs an integer value; got " + op.value());
    }
}
