package deltakv.nemesis.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Listens at one address and port of a {@link Link} (its Raft port or its Redis port) and forwards every
 * connection to the real peer.
 */
final class LinkProxy implements AutoCloseable {
    private final Channel server;

    LinkProxy(EventLoopGroup group, Link link, InetSocketAddress listen, InetSocketAddress target) throws IOException {
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false).childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Pipe.open(link, ch, target);
                    }
                });
        try {
            server = b.bind(listen).syncUninterruptibly().channel();
        } catch (Exception e) { // Netty rethrows the bind's checked exception unchecked
            throw new IOException("link " + link + ": cannot listen on " + listen.getHostString() + ":" + listen.getPort()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
    }
}
