package deltakv.engine.redis;

import deltakv.engine.txn.Txn;
import java.util.List;

/**
 * A command that reads or writes data inside a transaction. The server runs it in its own transaction,
 * or, inside MULTI/EXEC, together with the other queued commands in one transaction. A handler must
 * not keep state outside {@code txn}: the body may be retried after a conflict.
 *
 * @param args the full command line, {@code args.get(0)} being the command name
 */
@FunctionalInterface
public interface DataCommand {
    Reply execute(Txn txn, List<byte[]> args);
}
