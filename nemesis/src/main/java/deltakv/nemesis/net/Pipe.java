package deltakv.nemesis.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;

/**
 * One proxied connection: the node's connection to the proxy ({@code client}) and the proxy's to the real
 * peer ({@code server}), both on one event loop, a {@link Forwarder} each way. Both start with reading off;
 * the forwarders turn it on as the link allows.
 */
final class Pipe {
    private final Link link;
    private final Forwarder up;
    private final Forwarder down;
    private Channel client;

    private Pipe(Link link) {
        this.link = link;
        this.up = new Forwarder(link);
        this.down = new Forwarder(link);
    }

    /**
     * Called for each accepted connection: adds the upstream forwarder and connects to {@code target}, at
     * once or, across a cut, when the cut ends (the node's connection hangs meanwhile).
     */
    static void open(Link link, Channel client, InetSocketAddress target) {
        Pipe p = new Pipe(link);
        p.client = client;
        client.pipeline().addLast(p.up);
        link.connectWhenPassable(() -> client.eventLoop().execute(() -> {
            if (client.isOpen()) connectUpstream(p, link, client, target);
        }));
    }

    private static void connectUpstream(Pipe p, Link link, Channel client, InetSocketAddress target) {
        ChannelFuture f = new Bootstrap().group(client.eventLoop()).channel(NioSocketChannel.class)
                .option(ChannelOption.AUTO_READ, false).option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                .handler(p.down).connect(target);
        f.addListener(done -> {
            if (!done.isSuccess()) {
                client.close(); // the peer is down: the node sees its connection end, as with no route
                return;
            }
            Channel server = f.channel();
            if (server.localAddress().equals(server.remoteAddress())) {
                // TCP self-connect: the target port was free and the kernel picked it as our source port,
                // so the "peer" is this socket. The peer is down: end the node's connection, as above.
                server.close();
                client.close();
                return;
            }
            p.up.connect(client, server, p.down);
            p.down.connect(server, client, p.up);
            link.add(p);
            client.closeFuture().addListener(x -> server.closeFuture().addListener(y -> link.remove(p)));
            p.faultsChanged();
        });
    }

    /** Re-evaluates both directions against the link's faults (on the connection's event loop). */
    void faultsChanged() {
        client.eventLoop().execute(() -> {
            up.kick();
            down.kick();
        });
    }
}
