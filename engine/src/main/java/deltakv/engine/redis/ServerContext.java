package deltakv.engine.redis;

import deltakv.engine.txn.KeyRange;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What every session of one node shares.
 *
 * @param commands      the command table
 * @param runner        runs transaction bodies (retrying conflicts)
 * @param readTimestamp the node's current safe read timestamp; WATCH remembers it per key
 * @param watchRanges   all internal key ranges a user key occupies (any version there = key modified)
 * @param clients       connection counters the server keeps up to date
 */
public record ServerContext(CommandTable commands, TxnRunner runner, LongSupplier readTimestamp,
                           Function<byte[], List<KeyRange>> watchRanges, ClientStats clients) {
    public ServerContext(CommandTable commands, TxnRunner runner, LongSupplier readTimestamp,
                         Function<byte[], List<KeyRange>> watchRanges) {
        this(commands, runner, readTimestamp, watchRanges, new ClientStats());
    }
}
