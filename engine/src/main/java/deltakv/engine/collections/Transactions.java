package deltakv.engine.collections;

import deltakv.engine.txn.Txn;
import java.util.function.Function;

/**
 * Runs a body in its own transaction, retrying on conflict (the node passes {@code txnExecutor::execute}).
 * The compactor and the hard-limit path need it to run work outside the caller's transaction.
 */
public interface Transactions {
    <T> T execute(Function<Txn, T> body);
}
