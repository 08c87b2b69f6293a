package deltakv.checker.linear.model;

import deltakv.checker.linear.LinOp;

/** The clear error for an op a model does not know (bad input, not a violation). */
final class Unsupported {
    private Unsupported() {}

    static IllegalArgumentException op(String model, LinOp op, String expected) {
        return new IllegalArgumentException("model " + model + " does not support " + op.describe()
                + "; expected " + expected);
    }
}
