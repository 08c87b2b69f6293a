package deltakv.engine.txn;

import java.util.List;

/**
 * A body's result that is only known once the group is applied: it names outputs of its
 * {@link Mutation.AtApply} operations. The executors replace it with {@link #resolve} after the commit,
 * so callers always get a finished value.
 */
public interface ResolvedAtApply {
    Object resolve(List<byte[]> outputs);

    /** {@code value}, resolved against {@code outputs} if it waits for them. */
    @SuppressWarnings("unchecked")
    static <T> T finish(T value, ApplyResult.Committed c) {
        return value instanceof ResolvedAtApply r ? (T) r.resolve(c.outputs()) : value;
    }
}
