package deltakv.engine.redis.relay;

import deltakv.engine.redis.Reply;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.redis.RedisArrayAggregator;
import io.netty.handler.codec.redis.RedisBulkStringAggregator;
import io.netty.handler.codec.redis.RedisDecoder;
import io.netty.handler.codec.redis.RedisEncoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens connections from this node to the leader's Redis port. Each starts with {@code DKV.LOCAL},
 * which tells the leader's session never to relay again, so a stale view of who leads cannot make
 * two nodes bounce a command between them.
 */
public final class RelayConnector {
    static final List<byte[]> HELLO = List.of("DKV.LOCAL".getBytes(StandardCharsets.US_ASCII));
    static final List<byte[]> MUX_HELLO = List.of("DKV.MUX".getBytes(StandardCharsets.US_ASCII));

    private final int connectTimeoutMillis;

    public RelayConnector(int connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /**
     * A ready connection, or an exception saying why there is none (nothing was sent). It lives on
     * {@code loop}, the client connection's event loop, so relaying a command and its reply cross no
     * thread boundary; it closes with the session or the server's event loops. Not to be called on an
     * event loop.
     */
    public RelayConnection connect(InetSocketAddress leader, EventLoop loop) throws java.io.IOException {
        return connect(leader, loop, HELLO, false);
    }

    /**
     * A connection shared by many sessions ({@link MuxConnections}): it says {@code DKV.MUX}, and its
     * flushes are consolidated, so the commands of one event-loop turn leave in one write.
     */
    RelayConnection connectMux(InetSocketAddress leader, EventLoop loop) throws java.io.IOException {
        return connect(leader, loop, MUX_HELLO, true);
    }

    private RelayConnection connect(InetSocketAddress leader, EventLoop loop, List<byte[]> hello, boolean consolidate)
            throws java.io.IOException {
        RelayConnection conn = new RelayConnection(leader);
        Bootstrap b = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (consolidate) ch.pipeline().addLast(new FlushConsolidationHandler(256, true));
                        ch.pipeline().addLast(new RedisDecoder(), new RedisBulkStringAggregator(),
                                new RedisArrayAggregator(), new RedisEncoder(), conn.new ReplyHandler());
                    }
                });
        ChannelFuture f = b.connect(leader);
        if (!f.awaitUninterruptibly(connectTimeoutMillis + 100L, TimeUnit.MILLISECONDS) || !f.isSuccess()) {
            f.channel().close();
            throw new java.io.IOException("cannot reach the leader at " + leader
                    + (f.cause() == null ? "" : ": " + f.cause().getMessage()));
        }
        Channel ch = f.channel();
        conn.attach(ch);
        Reply answer = conn.call(hello, connectTimeoutMillis);
        if (!Reply.OK.equals(answer)) {
            conn.close();
            throw new java.io.IOException("the node at " + leader + " refused relaying: " + answer);
        }
        return conn;
    }
}
