package deltakv.checker.linear.model;

import deltakv.checker.linear.LinOp;
import deltakv.checker.linear.Model;
import java.util.List;
import java.util.Objects;

/**
 * A compare-and-set register with Knossos semantics: {@code :read}, {@code :write}, {@code :cas [old new]};
 * a read of nil is always legal. A crashed cas either succeeded (old matched) or never happened.
 */
public record CasRegisterModel(Object initial) implements Model {
    @Override
    public String name() {
        return "cas-register";
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
            case "cas" -> {
                if (!(op.value() instanceof List<?> pair) || pair.size() != 2) {
                    throw Unsupported.op(name(), op, ":cas with value [old new]");
                }
                yield Objects.equals(pair.get(0), state) ? pair.get(1) : ILLEGAL;
            }
            default -> throw Unsupported.op(name(), op, ":read, :write or :cas");
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
