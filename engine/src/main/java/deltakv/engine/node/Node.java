package deltakv.engine.node;

import deltakv.engine.Bug;
import deltakv.engine.clock.Hlc;
import deltakv.engine.clock.OffsetClock;
import deltakv.engine.collections.DataLayer;
import deltakv.engine.collections.DataOps;
import deltakv.engine.collections.Keyspace;
import deltakv.engine.raft.RaftNodeStatus;
import deltakv.engine.raft.RaftReplica;
import deltakv.engine.raft.Replication;
import deltakv.engine.redis.ClientStats;
import deltakv.engine.redis.CommandTable;
import deltakv.engine.redis.ConnectionCommands;
import deltakv.engine.redis.ExecOptions;
import deltakv.engine.redis.LocalCommand;
import deltakv.engine.redis.RedisServer;
import deltakv.engine.redis.Reply;
import deltakv.engine.redis.ServerContext;
import deltakv.engine.redis.TxnRunner;
import deltakv.engine.redis.admin.AdminCommands;
import deltakv.engine.redis.admin.AdminContext;
import deltakv.engine.redis.admin.NodeInfo;
import deltakv.engine.redis.admin.NodeStatus;
import deltakv.engine.redis.commands.DataCommands;
import deltakv.engine.redis.relay.Relay;
import deltakv.engine.redis.relay.RelayConnector;
import deltakv.engine.storage.MvccStore;
import deltakv.engine.txn.AmbiguousRetriedAsNew;
import deltakv.engine.txn.Committer;
import deltakv.engine.txn.ConflictStats;
import deltakv.engine.txn.LocalCommitter;
import deltakv.engine.txn.ReadsCheckedBeforeProposal;
import deltakv.engine.txn.SnapshotRegistry;
import deltakv.engine.txn.StateMachineApplier;
import deltakv.engine.txn.Txn;
import deltakv.engine.txn.TxnExecutor;
import deltakv.engine.txn.VersionGc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One single-member engine node, wired bottom-up:
 * store → HLC on an offset clock → apply function → local committer → transaction executor →
 * data layer (compactor started) → version GC → Redis front. {@link #close()} stops them in reverse.
 */
public final class Node implements AutoCloseable {
    /** {@code -Ddkv.async=false}: every command on a worker thread (to measure the difference). */
    private static final boolean ASYNC = Boolean.parseBoolean(System.getProperty("dkv.async", "true"));
    private final NodeOptions options;
    private final CloseStack resources = new CloseStack();
    private final MvccStore store;
    private final TxnExecutor executor;
    private final RedisServer server;

    private Node(NodeOptions options, Replication replication) {
        this.options = options;
        try {
            StoreStamp.check(options.dataDir(), options.variant(), options.popBounds());
            store = resources.push(MvccStore.open(options.dataDir()));
            StoreStamp.write(options.dataDir(), options.variant(), options.popBounds());
            OffsetClock wall = OffsetClock.system();
            Hlc hlc = new Hlc(wall);
            // hlc-no-observe re-creates the upstream engine, which had no apply-time stale-ts guard
            StateMachineApplier applier = new StateMachineApplier(store,
                    !options.bugs().contains(Bug.HLC_NO_OBSERVE), new DataOps());
            // Cluster member (--peers): commits go through Raft; otherwise the local committer.
            RaftReplica replica = replication == null ? null
                    : resources.push(startReplica(replication, options.id(), applier, hlc));
            Committer committer = replica != null ? replica.committer()
                    : resources.push(new LocalCommitter(applier, hlc));
            if (options.bugs().contains(Bug.READ_KEYS_LEADER_ONLY)) {
                committer = new ReadsCheckedBeforeProposal(store, committer);
            }
            if (options.bugs().contains(Bug.RETRY_NEW_SEQ)) committer = new AmbiguousRetriedAsNew(committer);
            SnapshotRegistry snapshots = new SnapshotRegistry();
            ConflictStats stats = new ConflictStats();
            executor = new TxnExecutor(store, committer, snapshots, stats);
            DataLayer data = DataLayer.create(options.engineConfig(), executor::execute, wall::millis);
            if (replica != null) data.compactor().ifPresent(c -> c.runOnlyWhile(replica::isLeader));
            data.compactor().ifPresent(c -> resources.push(c).start());
            CompactorAdmin compactor = new CompactorAdmin(data.compactor());
            VersionGc gc = resources.push(new VersionGc(store, snapshots, VersionGc.DEFAULT_RETENTION));
            gc.start(options.gcInterval());
            ClientStats clients = new ClientStats();
            AdminContext admin = new AdminContext(
                    new NodeInfo(options.id(), options.variant(), options.popBounds(), options.bugs(),
                            System.currentTimeMillis()),
                    status(new LocalStatus(options.id(), applier, stats, gc, compactor::deltaCounts), replica),
                    new HlcClockControl(wall, hlc), compactor, clients, stats::reset);
            Relay relay = relay(replication, replica, options);
            ExecOptions exec = execOptions(options, hlc, replica);
            server = resources.push(new RedisServer(serverContext(data, admin, relay, exec), options.host(), options.port(),
                    options.workerThreads()));
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    /**
     * Starts a node and returns once it accepts connections.
     *
     * @throws deltakv.engine.storage.StorageException if the data directory is unusable or locked
     * @throws IllegalStateException                   if the Redis port cannot be bound
     */
    public static Node start(NodeOptions options) {
        return new Node(options, null);
    }

    /** Starts a cluster member; {@code options.dataDir()} holds its store, {@code replication} its Raft log. */
    public static Node start(NodeOptions options, Replication replication) {
        return new Node(options, replication);
    }

    private static RaftReplica startReplica(Replication r, String id, StateMachineApplier applier, Hlc hlc) {
        try {
            return r.start(id, applier, hlc);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static NodeStatus status(NodeStatus local, RaftReplica replica) {
        return replica == null ? local : new RaftNodeStatus(local, replica);
    }

    /**
     * Followers relay data and transaction commands to the leader's Redis port, so the leader runs
     * every transaction body and batches every commit. Off for single nodes, with -Ddkv.relay=false
     * (to measure the difference), and with the bug flags whose point is running on a follower. With
     * {@code retry-new-seq} a follower re-runs here a command whose relayed outcome is unknown.
     */
    private Relay relay(Replication replication, RaftReplica replica, NodeOptions options) {
        if (replica == null || !Boolean.parseBoolean(System.getProperty("dkv.relay", "true"))) return Relay.OFF;
        if (options.bugs().contains(Bug.STALE_FOLLOWER_READ)) {
            return Relay.OFF;
        }
        RelayConnector connector = new RelayConnector(1000);
        long timeout = replication.settings().commitTimeout().toMillis() * 2 + 5000;
        Relay relay = new Relay(new LeaderRelayTarget(replica, replication.peers()), connector, timeout);
        return options.bugs().contains(Bug.RETRY_NEW_SEQ) ? relay.rerunningUnknown() : relay;
    }

    /** How EXEC runs: correctly, unless a bug flag says otherwise. */
    private ExecOptions execOptions(NodeOptions options, Hlc hlc, RaftReplica replica) {
        Set<Bug> bugs = options.bugs();
        TxnRunner runner = null;
        if (bugs.contains(Bug.EXEC_STARTTS_AHEAD)) {
            // the block reads at a fresh HLC value, above commits stamped but not yet applied
            runner = executor.withSnapshotSource(hlc::next)::execute;
        } else if (bugs.contains(Bug.EXEC_ON_FOLLOWER) && replica != null) {
            // a follower reads at whatever it has applied, without asking the leader
            runner = executor.withSnapshotSource(() -> replica.isLeader() ? executor.readTimestamp()
                    : replica.appliedTs())::execute;
        }
        return new ExecOptions(bugs.contains(Bug.MULTI_READ_UNTRACKED),
                bugs.contains(Bug.EXEC_ON_FOLLOWER) && replica != null, runner);
    }

    private ServerContext serverContext(DataLayer data, AdminContext admin, Relay relay, ExecOptions exec) {
        List<LocalCommand> local = new ArrayList<>(ConnectionCommands.all());
        local.addAll(AdminCommands.all(admin));
        TxnRunner runner = new TxnRunner() {
            @Override
            public Reply run(Function<Txn, Reply> body) {
                return executor.execute(body);
            }

            // Single commands need no worker thread: the body runs on the client's event loop and the
            // read round / batch reply continues it (see TxnExecutor#executeAsync).
            @Override
            public Optional<CompletableFuture<Reply>> runAsync(Function<Txn, Reply> body, Executor bodies,
                                                               String writeKind) {
                return ASYNC ? Optional.of(executor.executeAsync(body, bodies, writeKind)) : Optional.empty();
            }
        };
        return new ServerContext(new CommandTable(DataCommands.table(data), local), runner,
                executor::pinSnapshot, Keyspace::allRanges, admin.clients(), relay, exec);
    }

    /** The bound Redis port (useful with port 0). */
    public int port() {
        return server.port();
    }

    public String host() {
        return server.host();
    }

    public NodeOptions options() {
        return options;
    }

    /** Idempotent and safe from a shutdown hook racing a normal stop. */
    @Override
    public synchronized void close() {
        resources.close();
    }
}
