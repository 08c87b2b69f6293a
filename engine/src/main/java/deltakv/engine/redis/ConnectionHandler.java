package deltakv.engine.redis;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.CodecException;
import io.netty.handler.codec.redis.RedisMessage;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: decoded frames become session commands, run in order on the worker pool;
 * replies are written in the same order and flushed when the connection's queue drains.
 */
final class ConnectionHandler extends SimpleChannelInboundHandler<RedisMessage> {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);
    /** Stop reading from a client that pipelines faster than we execute; resume once drained. */
    private static final int MAX_PENDING = 1024;

    private final Session session;
    private final ClientStats clients;
    private final Executor pool;
    private SerialExecutor serial;
    private ChannelHandlerContext ctx;
    /** Set when no further frames are accepted (protocol error or QUIT seen). */
    private volatile boolean readClosed;
    /** Set once a closing reply was written: later queued commands are dropped, as after QUIT in Redis. */
    private volatile boolean closing;
    /**
     * A command run without a worker thread (relayed, or an asynchronous transaction), until its reply
     * is written (event loop only). Commands arriving meanwhile run on the worker pool after it, so
     * replies keep their order.
     */
    private CompletableFuture<Void> asyncInFlight;
    /** A multiplexed relay connection's commands in arrival order, until their replies are written (event loop only). */
    private final ArrayDeque<CompletableFuture<Response>> muxOrder = new ArrayDeque<>();
    private final AtomicBoolean muxDrainScheduled = new AtomicBoolean();

    ConnectionHandler(ServerContext context, Executor pool) {
        this.session = new Session(context);
        this.clients = context.clients();
        this.pool = pool;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        clients.opened();
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        clients.closed();
        submitInOrder(session::close); // after the commands still queued, which may use the watches
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.serial = new SerialExecutor(pool, this::drained);
        session.bindLoop(ctx.channel().eventLoop());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RedisMessage msg) {
        if (readClosed) return;
        Request request = RequestReader.read(msg);
        if (request instanceof Request.Command c) {
            // DKV.MUX is answered before the relaying node sends more, so nothing is queued when this turns on
            if (session.muxed() && serial.pending() == 0 && asyncInFlight == null) {
                muxCommand(c);
                return;
            }
            if (!closing && serial.pending() == 0 && asyncInFlight == null && runWithoutWorker(c)) return;
            submitInOrder(() -> execute(c));
            boolean backlog = serial.pending() > MAX_PENDING || !ctx.channel().isWritable();
            if (backlog) ctx.channel().config().setAutoRead(false);
        } else if (request instanceof Request.Invalid bad) {
            if (bad.close()) {
                stopReading();
                clients.protocolError();
            }
            replyInOrder(new Response(bad.reply(), bad.close()));
        }
    }

    /** A reply that needs no command run, after the replies of everything received before it. */
    private void replyInOrder(Response r) {
        if (!muxOrder.isEmpty()) {
            muxOrder.add(CompletableFuture.completedFuture(r));
            scheduleMuxDrain();
        } else {
            submitInOrder(() -> respond(r));
        }
    }

    /** Runs on the worker pool in arrival order, after a command run without a worker, if any. */
    private void submitInOrder(Runnable task) {
        CompletableFuture<Void> before = asyncInFlight;
        serial.submit(before == null ? task : () -> {
            before.join();
            task.run();
        });
    }

    /**
     * Starts the command from this event loop and writes the reply when it completes: a follower session
     * attached to the leader relays it, the leader runs a data command as an asynchronous transaction.
     * No worker thread, no hand-off (the blocking path costs ~4 thread wake-ups per command).
     */
    private boolean runWithoutWorker(Request.Command c) {
        Optional<CompletableFuture<Response>> sent;
        try {
            sent = session.handleAsync(c.args());
        } catch (RuntimeException e) {
            return false;
        }
        if (sent.isEmpty()) return false;
        CompletableFuture<Void> done = new CompletableFuture<>();
        asyncInFlight = done;
        sent.get().whenComplete((response, err) -> {
            Runnable finish = () -> {
                try {
                    respond(err == null ? response : Response.of(TxnFailures.toReply(err)));
                    ctx.flush();
                } finally {
                    if (asyncInFlight == done) asyncInFlight = null;
                    done.complete(null);
                }
            };
            if (ctx.executor().inEventLoop()) finish.run();
            else ctx.executor().execute(finish);
        });
        return true;
    }

    /**
     * A follower's shared relay connection carries many clients' single commands: each starts at once
     * (asynchronously, or on a worker), and replies are written in arrival order as they complete, the
     * ones completed together in one flush. Each client has at most one command in flight, so running
     * them concurrently changes nothing a client can see.
     */
    private void muxCommand(Request.Command c) {
        CompletableFuture<Response> f;
        try {
            f = session.handleAsync(c.args()).orElse(null);
        } catch (RuntimeException e) {
            f = CompletableFuture.completedFuture(Response.of(TxnFailures.toReply(e)));
        }
        if (f == null) {
            CompletableFuture<Response> onWorker = new CompletableFuture<>();
            try {
                pool.execute(() -> {
                    try {
                        onWorker.complete(session.handle(c.args()));
                    } catch (RuntimeException e) {
                        onWorker.complete(Response.of(TxnFailures.toReply(e)));
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                onWorker.complete(Response.of(Reply.error("TRYAGAIN node is shutting down")));
            }
            f = onWorker;
        }
        muxOrder.add(f);
        if (muxOrder.size() > MAX_PENDING) ctx.channel().config().setAutoRead(false);
        f.whenComplete((r, e) -> scheduleMuxDrain());
    }

    /** One drain pending at a time, so replies completed together leave in one flush. */
    private void scheduleMuxDrain() {
        if (muxDrainScheduled.compareAndSet(false, true)) ctx.executor().execute(this::drainMux);
    }

    private void drainMux() {
        muxDrainScheduled.set(false);
        boolean wrote = false;
        for (CompletableFuture<Response> head; (head = muxOrder.peek()) != null && head.isDone(); wrote = true) {
            muxOrder.poll();
            Response r;
            try {
                r = head.join();
            } catch (RuntimeException e) {
                r = Response.of(TxnFailures.toReply(e.getCause() != null ? e.getCause() : e));
            }
            respond(r);
        }
        if (wrote) ctx.flush();
        resumeReadingIfIdle();
    }

    private void execute(Request.Command c) {
        // Commands already received still run after the client hangs up, as in Redis
        // (e.g. `printf 'SET k v\r\n' | nc -q0 …` must write).
        if (closing) return;
        Response response;
        try {
            response = session.handle(c.args());
        } catch (RuntimeException e) {
            response = Response.of(TxnFailures.toReply(e));
        }
        respond(response);
    }

    private void respond(Response r) {
        if (r.close()) {
            closing = true;
            ctx.writeAndFlush(ReplyWriter.toMessage(r.reply())).addListener(ChannelFutureListener.CLOSE);
        } else if (!closing) {
            ctx.write(ReplyWriter.toMessage(r.reply()), ctx.voidPromise());
        }
    }

    private void drained() {
        ctx.flush();
        resumeReadingIfIdle();
    }

    /** A client that does not read its replies stops being read from, so its replies cannot pile up. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable()) ctx.channel().config().setAutoRead(false);
        else resumeReadingIfIdle();
        ctx.fireChannelWritabilityChanged();
    }

    private void resumeReadingIfIdle() {
        if (readClosed || ctx.channel().config().isAutoRead()) return;
        if (ctx.channel().isWritable() && serial.pending() <= MAX_PENDING && muxOrder.size() <= MAX_PENDING) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void stopReading() {
        readClosed = true;
        ctx.channel().config().setAutoRead(false);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (ProtocolErrors.isProtocolError(cause)) {
            if (readClosed) return;
            stopReading();
            clients.protocolError();
            Reply error = ProtocolErrors.describe(cause);
            // Queued behind earlier commands, so their replies still arrive first, as in Redis.
            replyInOrder(new Response(error, true));
        } else {
            boolean expected = cause instanceof IOException || cause instanceof CodecException;
            if (!expected) LOG.warn("closing connection {} after error", ctx.channel(), cause);
            ctx.close();
        }
    }
}
