package deltakv.cli.cluster;

import deltakv.nemesis.cluster.ClusterLayout;
import deltakv.nemesis.cluster.LocalCluster;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import redis.clients.jedis.Jedis;

/**
 * Test fixture: a {@link LocalCluster} of real node processes in a temp folder on free ports, with
 * the one-liners fault tests need (leader(), killLeader(), restart(id), jedis(id)).
 */
final class ProcessCluster implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(90);
    final LocalCluster cluster;
    final ClusterLayout layout;

    private ProcessCluster(LocalCluster cluster) {
        this.cluster = cluster;
        this.layout = cluster.layout();
    }

    static ProcessCluster start(Path dir, int nodes, boolean namedPeers) throws Exception {
        return start(dir, nodes, namedPeers, List.of());
    }

    /** Every node started with {@code --bug ID} for each of {@code bugs}. */
    static ProcessCluster start(Path dir, int nodes, boolean namedPeers, List<String> bugs) throws Exception {
        return start(dir, nodes, namedPeers, bugs, List.of());
    }

    /** ... and with extra JVM arguments for every node (e.g. {@code -Ddkv.raft.snapshotEvery=50}). */
    static ProcessCluster start(Path dir, int nodes, boolean namedPeers, List<String> bugs, List<String> jvmArgs)
            throws Exception {
        return start(dir, nodes, namedPeers, "delta", bugs, jvmArgs);
    }

    /** As above, with the engine variant ({@code rmw}, {@code delta}, {@code delta-cf}). */
    static ProcessCluster start(Path dir, int nodes, boolean namedPeers, String variant, List<String> bugs,
                                List<String> jvmArgs) throws Exception {
        ClusterLayout layout = new ClusterLayout(dir, nodes, freeBase(nodes), variant, bugs, namedPeers);
        ProcessCluster c = new ProcessCluster(LocalCluster.create(layout, jvmArgs));
        if (!namedPeers) {
            try {
                c.startAll();
            } catch (Exception | Error e) {
                c.close(); // the test never gets c to stop: one node failing left the others running
                throw e;
            }
        }
        return c;
    }

    /** A delta cluster whose node-to-node traffic crosses the harness's proxy mesh ({@code c.cluster.network()}). */
    static ProcessCluster startProxied(Path dir, int nodes) throws Exception {
        ClusterLayout layout = new ClusterLayout(dir, nodes, freeBase(nodes), "delta", List.of(), true);
        ProcessCluster c = new ProcessCluster(LocalCluster.createProxied(layout, List.of(), false));
        try {
            c.startAll();
        } catch (Exception | Error e) {
            c.close();
            throw e;
        }
        return c;
    }

    void startAll() throws Exception {
        cluster.startAll();
        for (String id : layout.ids()) awaitListening(id);
        cluster.awaitLeader(WAIT);
    }

    static int freeBase(int nodes) throws IOException {
        return ClusterLayout.freeBasePort(nodes);
    }

    String leader() throws Exception {
        return cluster.awaitLeader(WAIT);
    }

    String killLeader() throws Exception {
        String l = leader();
        cluster.kill(l);
        return l;
    }

    void restart(String id) throws Exception {
        cluster.start(id);
        awaitListening(id);
    }

    Jedis jedis(String id) {
        return new Jedis(new redis.clients.jedis.HostAndPort("127.0.0.1", layout.redisPort(id)),
                redis.clients.jedis.DefaultJedisClientConfig.builder().timeoutMillis(15_000)
                        .autoNegotiateProtocol(false).build());
    }

    /**
     * A connection whose commands run on node {@code id} itself (DKV.LOCAL) instead of being relayed
     * to the leader: reads then show that node's own applied state (after a ReadIndex round).
     */
    Jedis jedisLocal(String id) {
        Jedis j = jedis(id);
        j.sendCommand(() -> redis.clients.jedis.util.SafeEncoder.encode("DKV.LOCAL"));
        return j;
    }

    void awaitListening(String id) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", layout.redisPort(id)), 200);
                return;
            } catch (IOException notYet) {
                if (!cluster.running(id)) throw new IOException(id + " exited: " + tail(id));
                Thread.sleep(100);
            }
        }
        throw new IOException(id + " not listening within " + WAIT + ": " + tail(id));
    }

    String tail(String id) {
        try {
            List<String> lines = Files.readAllLines(layout.logFile(id));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        cluster.stopAll();
        cluster.close(); // and the proxy mesh, if any
    }
}
