package deltakv.engine.redis;

import deltakv.engine.redis.relay.RelaySession;
import deltakv.engine.txn.Futures;
import deltakv.engine.txn.Txn;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One client connection's state: MULTI queue and WATCHed keys, with Redis 7 semantics.
 * Not thread-safe: the connection runs its commands one at a time, in arrival order.
 */
public final class Session {
    private static final Reply QUEUED = new Reply.Simple("QUEUED");
    private static final Reply EXECABORT =
            Reply.error("EXECABORT Transaction discarded because of previous errors.");

    private final ServerContext context;
    private final WatchList watches = new WatchList();
    private final RelaySession relay;
    private List<ExecBlock.Queued> queued; // non-null between MULTI and EXEC/DISCARD
    private boolean dirty;
    private volatile boolean muxed;
    /** Where asynchronously run bodies execute: the connection's event loop, inline when already on it. */
    private Executor bodies = Runnable::run;

    public Session(ServerContext context) {
        this.context = context;
        this.relay = new RelaySession(context.relay());
    }

    public Response handle(List<byte[]> args) {
        CommandTable.Entry entry = context.commands().lookup(CommandErrors.text(args.get(0)));
        if (muxed && entry instanceof CommandTable.Control c && !c.name().equals("quit")) {
            return Response.of(Reply.error("ERR " + c.name().toUpperCase(java.util.Locale.ROOT)
                    + " is not allowed on a multiplexed relay connection"));
        }
        var relayed = relay(entry, args);
        if (relayed.isPresent()) return relayed.get();
        if (entry == null) return reject(CommandErrors.unknownCommand(args));
        if (!entry.arityOk(args.size())) {
            if (entry.name().equals("exec")) {
                return Response.of(abortExec("wrong number of arguments for 'exec' command"));
            }
            return reject(CommandErrors.wrongArity(entry.name()));
        }
        if (entry instanceof CommandTable.Control c && !c.name().equals("unwatch")) return control(c.name(), args);
        if (queued != null) {
            queued.add(new ExecBlock.Queued(entry, args));
            return Response.of(QUEUED);
        }
        return Response.of(runSingle(entry, args));
    }

    /**
     * The non-blocking way to run a command, for the common cases: a session already relaying to the
     * current leader sends it there (see {@link RelaySession#relayAsync}); a data command outside
     * MULTI on the node that runs it (the leader) runs as an asynchronous transaction. Empty means
     * "use {@link #handle}" (on a worker thread).
     */
    public Optional<CompletableFuture<Response>> handleAsync(List<byte[]> args) {
        CommandTable.Entry entry = context.commands().lookup(CommandErrors.text(args.get(0)));
        if (relay.attached()) {
            String name = relayedName(entry);
            if (name == null || keepsBlockHere(name)) return Optional.empty();
            return relay.relayAsync(name, args);
        }
        if (queued != null || !(entry instanceof CommandTable.Data d) || !d.arityOk(args.size()) || !relay.runsHere()) {
            return Optional.empty();
        }
        return context.runner().runAsync(txn -> d.spec().handler().execute(txn, args), bodies,
                        d.spec().write() ? d.spec().name() : null)
                .map(f -> f.handle((reply, err) -> Response.of(err == null ? reply : TxnFailures.toReply(Futures.cause(err)))));
    }

    /** Relay connections are opened on the client connection's event loop; asynchronous bodies run there. */
    void bindLoop(EventLoop loop) {
        relay.bindLoop(loop);
        bodies = r -> {
            if (loop.inEventLoop()) r.run();
            else loop.execute(r);
        };
    }

    /**
     * On a follower, data and transaction commands go to the leader (see {@link RelaySession});
     * the node's own commands (PING, INFO, DKV.*, …) and QUIT are always answered here.
     */
    private Optional<Response> relay(CommandTable.Entry entry, List<byte[]> args) {
        String name = relayedName(entry);
        if (name == null) return Optional.empty();
        if (keepsBlockHere(name)) return Optional.empty();
        boolean relayable = entry != null && entry.arityOk(args.size());
        return relay.relay(name, args, relayable, queued == null && watches.isEmpty());
    }

    /** exec-on-follower: a transaction block stays on this node (unless the leader already holds its WATCH). */
    private boolean keepsBlockHere(String name) {
        return context.exec().runHere() && !relay.holdsUpstreamState() && (name.equals("multi") || queued != null);
    }

    /** The name a relay tracks ("" if unknown here), or null for commands this node always answers itself. */
    private static String relayedName(CommandTable.Entry entry) {
        if (entry instanceof CommandTable.Local) return null;
        String name = entry == null ? "" : entry.name();
        return name.equals("quit") || name.equals("dkv.local") || name.equals("dkv.mux") ? null : name;
    }

    /** Errors found while queueing make the whole transaction fail at EXEC (Redis 2.6.5+). */
    private Response reject(Reply error) {
        if (queued != null) dirty = true;
        return Response.of(error);
    }

    private Response control(String name, List<byte[]> args) {
        return switch (name) {
            case "multi" -> multi();
            case "exec" -> Response.of(exec());
            case "discard" -> discard();
            case "watch" -> watch(args);
            case "dkv.local" -> localConnection();
            case "dkv.mux" -> muxConnection();
            default -> new Response(Reply.OK, true); // quit
        };
    }

    /**
     * A follower's shared relay connection: local like DKV.LOCAL, and from now on its commands run
     * concurrently (they come from different clients); the connection handler keeps reply order.
     * Only single commands: MULTI, WATCH and the like are refused (their sessions relay on their own
     * connections).
     */
    private Response muxConnection() {
        if (queued != null || !watches.isEmpty()) return Response.of(Reply.error("ERR DKV.MUX inside MULTI or WATCH"));
        muxed = true;
        return localConnection();
    }

    public boolean muxed() {
        return muxed;
    }

    private Response localConnection() {
        relay.disable();
        return Response.of(Reply.OK);
    }

    private Response multi() {
        if (queued != null) return Response.of(Reply.error("ERR MULTI calls can not be nested"));
        queued = new ArrayList<>();
        dirty = false;
        return Response.of(Reply.OK);
    }

    private Response discard() {
        if (queued == null) return Response.of(Reply.error("ERR DISCARD without MULTI"));
        queued = null;
        watches.clear();
        return Response.of(Reply.OK);
    }

    private Response watch(List<byte[]> args) {
        if (queued != null) return Response.of(Reply.error("ERR WATCH inside MULTI is not allowed"));
        watches.watch(args.subList(1, args.size()), context.watchPin());
        return Response.of(Reply.OK);
    }

    private Reply exec() {
        if (queued == null) return Reply.error("ERR EXEC without MULTI");
        List<ExecBlock.Queued> block = queued;
        boolean aborted = dirty;
        queued = null;
        dirty = false;
        try {
            if (aborted) return EXECABORT;
            ExecOptions exec = context.exec();
            ExecBlock body = new ExecBlock(block, watches.all(), context.watchRanges(), exec.untrackedReads());
            return runTxn(body, exec.runner() != null ? exec.runner() : context.runner());
        } finally {
            watches.clear(); // only now: the pin must hold until the block has checked the watches
        }
    }

    /** The connection is gone: release what the session holds (the WATCH pin). */
    public void close() {
        watches.clear();
        relay.close();
    }

    /** A rejected EXEC discards the transaction and the watches, as Redis 7 does. */
    private Reply abortExec(String reason) {
        queued = null;
        dirty = false;
        watches.clear();
        return Reply.error("EXECABORT Transaction discarded because of: " + reason);
    }

    private Reply runSingle(CommandTable.Entry entry, List<byte[]> args) {
        if (entry instanceof CommandTable.Data d) return runTxn(txn -> d.spec().handler().execute(txn, args));
        if (entry instanceof CommandTable.Control) {
            watches.clear(); // UNWATCH
            return Reply.OK;
        }
        try {
            return ((CommandTable.Local) entry).command().handler().apply(args);
        } catch (RuntimeException e) {
            return TxnFailures.toReply(e);
        }
    }

    private Reply runTxn(Function<Txn, Reply> body) {
        return runTxn(body, context.runner());
    }

    private Reply runTxn(Function<Txn, Reply> body, TxnRunner runner) {
        try {
            return runner.run(body);
        } catch (RuntimeException e) {
            return TxnFailures.toReply(e);
        }
    }
}
