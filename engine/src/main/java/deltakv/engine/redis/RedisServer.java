package deltakv.engine.redis;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.redis.RedisBulkStringAggregator;
import io.netty.handler.codec.redis.RedisDecoder;
import io.netty.handler.codec.redis.RedisEncoder;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The RESP2 front of a node (Netty, its Redis codec). Event-loop threads only decode and encode;
 * commands run on a worker pool because they block on storage and commits.
 */
public final class RedisServer implements AutoCloseable {
    private final EventLoopGroup boss = new NioEventLoopGroup(1, daemonThreads("dkv-accept"));
    private final EventLoopGroup io = new NioEventLoopGroup(2, daemonThreads("dkv-io"));
    private final ExecutorService workers;
    private final Channel serverChannel;

    /**
     * Binds and starts serving; {@code port} 0 picks a free port (see {@link #port()}).
     *
     * @throws IllegalStateException if the address cannot be bound (e.g. port in use)
     */
    public RedisServer(ServerContext context, String host, int port, int workerThreads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workerThreads, workerThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("dkv-worker"));
        pool.allowCoreThreadTimeOut(true); // idle nodes give their threads back
        this.workers = pool;
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        UnterminatedLineGuard lines = new UnterminatedLineGuard();
                        p.addLast(lines, new RedisDecoder(true), new LengthGuard(lines), new RedisBulkStringAggregator(),
                                new RequestAggregator(), new RedisEncoder(), new ConnectionHandler(context, workers));
                    }
                });
        try {
            this.serverChannel = b.bind(host, port).syncUninterruptibly().channel();
        } catch (Exception e) {
            shutdownQuietly();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    public String host() {
        return ((InetSocketAddress) serverChannel.localAddress()).getAddress().getHostAddress();
    }

    /** Stops accepting, closes every connection and waits briefly for running commands. */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        shutdownQuietly();
    }

    private void shutdownQuietly() {
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
