package deltakv.checker.linear.model;

import deltakv.checker.linear.LinOp;
import deltakv.checker.linear.Model;
import java.util.List;

/** A single lock: {@code :acquire} needs it free, {@code :release} needs it held (owner is not tracked, as Knossos). */
public record MutexModel() implements Model {
    @Override
    public String name() {
        return "mutex";
    }

    @Override
    public Object init() {
        return Boolean.FALSE;
    }

    @Override
    public Object step(Object state, LinOp op) {
        boolean held = (Boolean) state;
        return switch (op.f()) {
            case "acquire" -> held ? ILLEGAL : Boolean.TRUE;
            case "release" -> held ? Boolean.FALSE : ILLEGAL;
            default -> throw Unsupported.op(name(), op, ":acquire or :release");
        };
    }

    @Override
    public String describe(Object state) {
        return (Boolean) state ? "held" : "free";
    }

    @Override
    public List<List<LinOp>> partition(List<LinOp> ops) {
        return KeyField.partition(ops);
    }
}
