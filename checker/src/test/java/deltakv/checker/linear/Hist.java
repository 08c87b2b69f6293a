package deltakv.checker.linear;

import deltakv.checker.history.Op;
import deltakv.checker.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds histories in code: each call appends one event with the next index. */
public final class Hist {
    private final List<Op> ops = new ArrayList<>();

    public Hist invoke(long process, String f, Object value) {
        return add(OpType.INVOKE, process, f, value);
    }

    public Hist ok(long process, String f, Object value) {
        return add(OpType.OK, process, f, value);
    }

    public Hist info(long process, String f, Object value) {
        return add(OpType.INFO, process, f, value);
    }

    public Hist fail(long process, String f, Object value) {
        return add(OpType.FAIL, process, f, value);
    }

    public Hist add(OpType type, long process, String f, Object value) {
        ops.add(new Op(ops.size(), ops.size() * 1_000_000L, type, process, f, value, null, Map.of()));
        return this;
    }

    public List<Op> ops() {
        return List.copyOf(ops);
    }
}
