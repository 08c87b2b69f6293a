package deltakv.engine.redis;

import deltakv.engine.txn.Txn;
import java.util.function.Function;

/**
 * Runs a transaction body to commit, retrying it after conflicts (the node adapts its
 * {@code TxnExecutor} to this). Keeps the Redis front independent of how commits happen.
 */
@FunctionalInterface
public interface TxnRunner {
    Reply run(Function<Txn, Reply> body);
}
