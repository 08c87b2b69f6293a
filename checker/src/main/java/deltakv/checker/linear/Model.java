package deltakv.checker.linear;

import java.util.List;

/**
 * A sequential specification, in the style of Porcupine and Knossos. States must be immutable and have value
 * equality and hash codes: the search memoises (linearized set, state) pairs. Adding a model is one class.
 */
public interface Model {
    /** Returned by {@link #step} when the operation cannot take effect in the given state. */
    Object ILLEGAL = new Object() {
        @Override
        public String toString() {
            return "ILLEGAL";
        }
    };

    /** Name as used by {@code dkv check --model}. */
    String name();

    /** The initial state (may be null, e.g. an unset register). */
    Object init();

    /**
     * Applies {@code op} to {@code state}. Returns the new state, or {@link #ILLEGAL}. For crashed ops
     * ({@link LinOp#crashed()}) the output is unknown, so the step must accept any output the op could have had.
     */
    Object step(Object state, LinOp op);

    /**
     * P-compositionality: splits the history into independent parts that are linearizable iff each part is.
     * The default keeps it whole.
     */
    default List<List<LinOp>> partition(List<LinOp> ops) {
        return List.of(ops);
    }

    /** Human-readable state, for explanations. */
    default String describe(Object state) {
        return Edn.print(state);
    }
}
