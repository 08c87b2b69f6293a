package deltakv.engine.collections;

import deltakv.engine.txn.ResolvedAtApply;
import java.util.List;
import java.util.function.Function;

/**
 * The answer of a command whose effect may be decided by the state machine: known now (at the
 * transaction's snapshot), or read from an output of the transaction's apply-time operation once it has
 * been applied ({@link deltakv.engine.txn.Txn#atApply}).
 */
public sealed interface Decided<T> {
    record Now<T>(T value) implements Decided<T> {}

    /** @param output index among the transaction's apply-time outputs; @param decode its value */
    record AtApply<T>(int output, Function<byte[], T> decode) implements Decided<T>, ResolvedAtApply {
        /** Returned by the executor when a body's result is this answer itself. */
        @Override
        public Object resolve(List<byte[]> outputs) {
            return new Now<>(decode.apply(outputs.get(output)));
        }
    }
}
