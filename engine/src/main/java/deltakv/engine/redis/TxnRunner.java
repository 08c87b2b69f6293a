package deltakv.engine.redis;

import deltakv.engine.txn.Txn;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Runs a transaction body to commit, retrying it after conflicts (the node adapts its
 * {@code TxnExecutor} to this). Keeps the Redis front independent of how commits happen.
 */
@FunctionalInterface
public interface TxnRunner {
    Reply run(Function<Txn, Reply> body);

    /**
     * Runs the body without blocking the caller (the body itself on {@code bodies}); empty if this
     * runner cannot, and the caller then uses {@link #run} on a worker thread.
     *
     * @param writeKind the command's name if it may write, null for read-only commands (they never commit)
     */
    default Optional<CompletableFuture<Reply>> runAsync(Function<Txn, Reply> body, Executor bodies, String writeKind) {
        return Optional.empty();
    }
}
