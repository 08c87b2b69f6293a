package deltakv.checker.linear;

import deltakv.checker.history.EdnPrinter;
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
     * True if {@code op}, whenever it is legal, leaves the state unchanged (a read). The search then takes such
     * an op as soon as it is legal, without trying alternatives — a sound partial-order reduction that keeps
     * many concurrent reads from multiplying the configurations searched.
     */
    default boolean readOnly(LinOp op) {
        return false;
    }

    /**
     * Removes ops whose presence cannot change the verdict, before the search: typically crashed ops with no
     * effect (a crashed read). Crashed ops multiply the search space, so this matters. The default keeps all.
     */
    default List<LinOp> simplify(List<LinOp> ops) {
        return ops;
    }

    /**
     * P-compositionality: splits the history into independent parts that are linearizable iff each part is.
     * The default keeps it whole.
     */
    default List<List<LinOp>> partition(List<LinOp> ops) {
        return List.of(ops);
    }

    /**
     * Why {@code op} cannot take effect in {@code state}, when the model knows more than "the output differs"
     * (e.g. a look-ahead rule); null otherwise. Used in explanations.
     */
    default String whyIllegal(Object state, LinOp op) {
        return null;
    }

    /** Human-readable state, for explanations. */
    default String describe(Object state) {
        return EdnPrinter.print(state);
    }
}
