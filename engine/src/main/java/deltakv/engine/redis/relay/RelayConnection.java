package deltakv.engine.redis.relay;

import deltakv.engine.redis.Reply;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.redis.ArrayRedisMessage;
import io.netty.handler.codec.redis.FullBulkStringRedisMessage;
import io.netty.handler.codec.redis.RedisMessage;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One client session's connection to the leader's Redis port. Replies arrive in request order, so
 * a FIFO of futures pairs them up. When the connection drops, every waiting call fails with
 * {@link RelayBrokenException}: the caller cannot tell whether the leader ran the command.
 */
public final class RelayConnection implements AutoCloseable {
    private final InetSocketAddress address;
    private final Queue<CompletableFuture<Reply>> waiting = new ConcurrentLinkedQueue<>();
    private volatile Channel channel;
    private volatile boolean closed;
    /** Close once no reply is awaited (a shared connection to a former leader). */
    private volatile boolean closeWhenIdle;

    RelayConnection(InetSocketAddress address) {
        this.address = address;
    }

    void attach(Channel ch) {
        this.channel = ch;
        ch.closeFuture().addListener(f -> failAll("connection to the leader at " + address + " closed"));
    }

    public InetSocketAddress address() {
        return address;
    }

    public boolean isOpen() {
        Channel ch = channel;
        return !closed && ch != null && ch.isActive();
    }

    /** Sends one command and waits for its reply. */
    public Reply call(List<byte[]> args, long timeoutMillis) throws RelayBrokenException {
        CompletableFuture<Reply> reply = send(args);
        try {
            return reply.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new RelayBrokenException(e.getCause().getMessage());
        } catch (TimeoutException e) {
            close(); // a late reply must not be taken for the next command's
            throw new RelayBrokenException("no reply from the leader at " + address + " within " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new RelayBrokenException("interrupted while waiting for the leader");
        }
    }

    /**
     * Sends one command without waiting; the future completes on the connection's event loop with the
     * reply, or exceptionally with {@link RelayBrokenException}.
     */
    public CompletableFuture<Reply> send(List<byte[]> args) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        Channel ch = channel;
        // Queueing the future and writing the command happen together on the event loop: a shared
        // connection is sent to from several threads, and a write overtaking another one's queue slot
        // would hand each client the other's reply.
        if (ch.eventLoop().inEventLoop()) {
            enqueueAndWrite(ch, reply, args);
        } else {
            try {
                ch.eventLoop().execute(() -> enqueueAndWrite(ch, reply, args));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                reply.completeExceptionally(new RelayBrokenException("connection to the leader at " + address + " closed"));
            }
        }
        return reply;
    }

    private void enqueueAndWrite(Channel ch, CompletableFuture<Reply> reply, List<byte[]> args) {
        if (!isOpen()) {
            reply.completeExceptionally(new RelayBrokenException("connection to the leader at " + address + " closed"));
            return;
        }
        waiting.add(reply);
        List<RedisMessage> parts = new ArrayList<>(args.size());
        for (byte[] a : args) parts.add(new FullBulkStringRedisMessage(Unpooled.wrappedBuffer(a)));
        ch.writeAndFlush(new ArrayRedisMessage(parts)).addListener(f -> {
            if (!f.isSuccess()) close();
        });
    }

    /** Closes the connection if no reply came within {@code timeoutMillis} (the waiting call then fails). */
    public void closeIfSilent(CompletableFuture<Reply> reply, long timeoutMillis) {
        Channel ch = channel;
        var timer = ch.eventLoop().schedule(() -> {
            if (!reply.isDone()) close();
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        reply.whenComplete((r, e) -> timer.cancel(false));
    }

    /** Closes now if no reply is awaited, else after the last one arrived. */
    void closeWhenIdle() {
        closeWhenIdle = true;
        if (waiting.isEmpty()) close();
    }

    private void failAll(String why) {
        CompletableFuture<Reply> f;
        while ((f = waiting.poll()) != null) f.completeExceptionally(new RelayBrokenException(why));
    }

    @Override
    public void close() {
        closed = true;
        Channel ch = channel;
        if (ch != null) ch.close();
        failAll("connection to the leader at " + address + " closed");
    }

    /** The last handler of the connection's pipeline. */
    final class ReplyHandler extends SimpleChannelInboundHandler<RedisMessage> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, RedisMessage msg) {
            CompletableFuture<Reply> f = waiting.poll();
            if (f != null) f.complete(MessageReplies.toReply(msg));
            if (closeWhenIdle && waiting.isEmpty()) close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
