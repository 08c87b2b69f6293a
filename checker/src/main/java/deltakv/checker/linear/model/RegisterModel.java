package deltakv.checker.linear.model;

import deltakv.checker.linear.LinOp;
import deltakv.checker.linear.Model;
import java.util.List;
import java.util.Objects;

/** A read/write register. Like Knossos, a read of nil means "value unknown" and is always legal. */
public record RegisterModel(Object initial) implements Model {
    @Override
    public String name() {
        return "register";
    }

    @Override
    public Object init() {
        return initial;
    }

    @Override
    public Object step(Object state, LinOp op) {
        return switch (op.f()) {
            case "write" -> op.value();
            case "read" -> op.value() == null || Objects.equals(op.value(), state) ? state : ILLEGAL;
            default -> throw Unsupported.op(name(), op, ":read or :write");
        };
    }

    @Override
    public boolean readOnly(LinOp op) {
        return op.f().equals("read");
    }

    @Override
    public List<LinOp> simplify(List<LinOp> ops) {
        return UnobservedWrites.drop(ops);
    }

    @Override
    public List<List<LinOp>> partition(List<LinOp> ops) {
        return KeyField.partition(ops);
    }
}
