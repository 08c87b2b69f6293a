package deltakv.nemesis.net;

import deltakv.nemesis.cluster.ClusterControl;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The harness's network between local nodes (HARNESS.md §4): one {@link Link} per ordered pair of nodes,
 * each with proxies on the target's Raft and Redis ports at a loopback address of its own
 * ({@code 127.0.<from>.<to>}, 1-based). Node {@code a} resolves {@code b}'s name to link {@code a→b}'s
 * address through its hosts file ({@link #hostsView}), so every byte between two nodes — Raft and the
 * follower→leader relay — crosses a proxy the nemesis controls. Nodes listen on 127.0.0.1; clients connect
 * to them directly.
 */
public final class ProxyMesh implements AutoCloseable {
    /** Where the real nodes listen. */
    public static final String NODE_ADDRESS = "127.0.0.1";

    /** A node's id and real ports. */
    public record Peer(String id, int raftPort, int redisPort) {}

    private final EventLoopGroup group = new NioEventLoopGroup(2, new DefaultThreadFactory("dkv-proxy", true));
    private final List<String> ids = new ArrayList<>();
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final List<LinkProxy> proxies = new ArrayList<>();

    private ProxyMesh() {}

    /** Starts every link's proxies; on failure stops what it started. */
    public static ProxyMesh start(List<Peer> peers) throws IOException {
        if (peers.size() > 254) throw new IllegalArgumentException("at most 254 nodes");
        ProxyMesh m = new ProxyMesh();
        try {
            for (Peer p : peers) m.ids.add(p.id());
            for (int i = 0; i < peers.size(); i++) {
                for (int j = 0; j < peers.size(); j++) {
                    if (i == j) continue;
                    Peer to = peers.get(j);
                    Link link = new Link(peers.get(i).id(), to.id(), "127.0." + (i + 1) + "." + (j + 1));
                    m.links.put(key(link.from(), link.to()), link);
                    for (int port : new int[] {to.raftPort(), to.redisPort()}) {
                        m.proxies.add(new LinkProxy(m.group, link, new InetSocketAddress(link.address(), port),
                                new InetSocketAddress(NODE_ADDRESS, port)));
                    }
                }
            }
            return m;
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** The mesh of {@code cluster}; a fault that needs one fails with this reason on a cluster without. */
    public static ProxyMesh of(ClusterControl cluster) {
        return cluster.network().orElseThrow(() -> new IllegalStateException("no proxies between these nodes"));
    }

    public List<String> nodes() {
        return List.copyOf(ids);
    }

    /** The link from {@code from} to {@code to}. */
    public Link link(String from, String to) {
        Link l = links.get(key(from, to));
        if (l == null) throw new IllegalArgumentException("no link " + from + "->" + to + " among " + ids);
        return l;
    }

    public Collection<Link> links() {
        return links.values();
    }

    /** How {@code node} resolves every node name: itself to where it listens, a peer to the link's address. */
    public Map<String, String> hostsView(String node) {
        Map<String, String> view = new LinkedHashMap<>();
        for (String id : ids) view.put(id, id.equals(node) ? NODE_ADDRESS : link(node, id).address());
        return view;
    }

    /** Cuts both links between {@code a} and {@code b}. */
    public void cutBetween(String a, String b) {
        link(a, b).cut();
        link(b, a).cut();
    }

    /** Ends every cut (a partition's end); delays and throttles stay. */
    public void uncutAll() {
        for (Link l : links.values()) l.uncut();
    }

    /** Ends every delay and throttle (a slow fault's end); cuts stay. */
    public void unshapeAll() {
        for (Link l : links.values()) l.shape(0, 0, 0);
    }

    /** Every link passes again; held bytes flow on. */
    public void healAll() {
        for (Link l : links.values()) l.heal();
    }

    /** Idempotent. */
    @Override
    public synchronized void close() {
        if (group.isShuttingDown()) return;
        for (LinkProxy p : proxies) p.close();
        // Closes every proxied connection as well.
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static String key(String from, String to) {
        return from + "->" + to;
    }
}
