package deltakv.engine.redis;

import deltakv.engine.redis.relay.Relay;
import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.SnapshotRegistry;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every session of one node shares.
 *
 * @param commands      the command table
 * @param runner        runs transaction bodies (retrying conflicts)
 * @param watchPin      a snapshot registered at the node's current read timestamp: WATCH remembers its ts per
 *                      key and holds it until unwatched, so version GC keeps a later delete's tombstone for EXEC
 * @param watchRanges   all internal key ranges a user key occupies (any version there = key modified)
 * @param clients       connection counters the server keeps up to date
 * @param relay         whether and where sessions relay their commands (followers relay to the leader)
 * @param exec          how EXEC runs ({@link ExecOptions#CORRECT} but for bug flags)
 */
public record ServerContext(CommandTable commands, TxnRunner runner, Supplier<SnapshotRegistry.Snapshot> watchPin,
                           Function<byte[], List<KeyRange>> watchRanges, ClientStats clients, Relay relay,
                           ExecOptions exec) {
    public ServerContext(CommandTable commands, TxnRunner runner, Supplier<SnapshotRegistry.Snapshot> watchPin,
                         Function<byte[], List<KeyRange>> watchRanges) {
        this(commands, runner, watchPin, watchRanges, new ClientStats(), Relay.OFF, ExecOptions.CORRECT);
    }

    public ServerContext(CommandTable commands, TxnRunner runner, Supplier<SnapshotRegistry.Snapshot> watchPin,
                         Function<byte[], List<KeyRange>> watchRanges, ClientStats clients) {
        this(commands, runner, watchPin, watchRanges, clients, Relay.OFF, ExecOptions.CORRECT);
    }
}
