package deltakv.nemesis.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a local cluster lives and how its nodes start: node ids, ports, folders, variant, bug flags and
 * node settings, saved as {@code cluster.properties} in its directory so later commands (other
 * processes: {@code status}, {@code stop}, a restart) find and reuse what {@code start} made.
 * Node i (1-based) gets Redis port {@code basePort + i - 1} and Raft port {@code basePort + 620 + i - 1}
 * (6381 → 7001, as in CLI.md).
 *
 * @param namedPeers peers are addressed by node name (resolved through each node's hosts file)
 *                   instead of 127.0.0.1
 */
public record ClusterLayout(Path dir, int nodes, int basePort, String variant, List<String> bugs,
                            boolean namedPeers, NodeSettings settings) {
    public static final String FILE = "cluster.properties";
    static final int RAFT_OFFSET = 620;
    /**
     * Free base ports are chosen below the kernel's ephemeral range (32768+ here): a port checked free
     * inside it can be taken by any outgoing connection before the node binds it.
     */
    private static final int FREE_LOW = 10_000;
    private static final int FREE_HIGH = 31_000;

    public ClusterLayout {
        bugs = List.copyOf(bugs);
        dir = dir.toAbsolutePath().normalize();
        Objects.requireNonNull(settings, "settings");
        checkSize(nodes, basePort);
    }

    /** The checks on {@code --nodes} and {@code --base-port}, for commands that validate before starting anything. */
    public static void checkSize(int nodes, int basePort) {
        if (nodes < 1 || nodes > 9) throw new IllegalArgumentException("--nodes must be 1..9, got " + nodes);
        if (basePort < 1 || basePort + RAFT_OFFSET + nodes > 65535) {
            throw new IllegalArgumentException("--base-port " + basePort + " leaves no room for " + nodes + " nodes");
        }
    }

    public ClusterLayout(Path dir, int nodes, int basePort, String variant, List<String> bugs, boolean namedPeers) {
        this(dir, nodes, basePort, variant, bugs, namedPeers, NodeSettings.ENGINE_DEFAULTS);
    }

    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) ids.add("n" + i);
        return ids;
    }

    int index(String id) {
        int i = ids().indexOf(id);
        if (i < 0) throw new IllegalArgumentException("no node " + id + " in " + ids());
        return i;
    }

    public int redisPort(String id) {
        return basePort + index(id);
    }

    public int raftPort(String id) {
        return basePort + RAFT_OFFSET + index(id);
    }

    public String host(String id) {
        return namedPeers ? id : "127.0.0.1";
    }

    public Path nodeDir(String id) {
        return dir.resolve(id);
    }

    public Path logFile(String id) {
        return nodeDir(id).resolve("node.log");
    }

    public Path pidFile(String id) {
        return nodeDir(id).resolve("node.pid");
    }

    /** Each node's view of the network when peers are named: its own hosts file. */
    public Path hostsFile(String id) {
        return dir.resolve("hosts-" + id);
    }

    public String peers() {
        List<String> parts = new ArrayList<>();
        for (String id : ids()) parts.add(id + "=" + host(id) + ":" + raftPort(id) + ":" + redisPort(id));
        return String.join(",", parts);
    }

    /** A base port whose Redis and Raft ports for {@code nodes} nodes are all free right now. */
    public static int freeBasePort(int nodes) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = FREE_LOW + ThreadLocalRandom.current().nextInt(FREE_HIGH - FREE_LOW - RAFT_OFFSET - nodes);
            boolean ok = true;
            for (int i = 0; i < nodes && ok; i++) ok = free(base + i) && free(base + RAFT_OFFSET + i);
            if (ok) return base;
        }
        throw new IOException("no free range of ports found for " + nodes + " nodes");
    }

    static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What differs between this layout and {@code saved} in a way that would change existing data's
     * meaning (variant, pop bounds, size, bug flags, peer addressing); empty when they agree.
     */
    public List<String> conflictsWith(ClusterLayout saved) {
        List<String> out = new ArrayList<>();
        if (!variant.equals(saved.variant)) out.add("variant " + variant + " (the data is " + saved.variant + ")");
        if (!settings.popBounds().equals(saved.settings.popBounds())) {
            out.add("pop bounds " + settings.popBounds() + " (the data is " + saved.settings.popBounds() + ")");
        }
        if (nodes != saved.nodes) out.add("--nodes " + nodes + " (the data has " + saved.nodes + ")");
        if (!bugs.equals(saved.bugs)) out.add("bug flags " + bugs + " (the data was started with " + saved.bugs + ")");
        if (namedPeers != saved.namedPeers) out.add("--named-peers " + namedPeers + " (saved: " + saved.namedPeers + ")");
        return out;
    }

    public void save() throws IOException {
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("nodes", String.valueOf(nodes));
        p.setProperty("base-port", String.valueOf(basePort));
        p.setProperty("variant", variant);
        p.setProperty("bugs", String.join(",", bugs));
        p.setProperty("named-peers", String.valueOf(namedPeers));
        p.setProperty("compaction-interval-ms", String.valueOf(settings.compactionIntervalMs()));
        p.setProperty("max-delta-count", String.valueOf(settings.maxDeltaCount()));
        p.setProperty("snapshot-every", String.valueOf(settings.snapshotEvery()));
        p.setProperty("pop-bounds", settings.popBounds());
        try (Writer w = Files.newBufferedWriter(dir.resolve(FILE))) {
            p.store(w, "dkv local cluster");
        }
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    public static ClusterLayout load(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) throw new IOException("no cluster in " + dir.toAbsolutePath() + " (missing " + FILE + ")");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f)) {
            p.load(r);
        }
        try {
            String bugs = p.getProperty("bugs", "");
            NodeSettings d = NodeSettings.ENGINE_DEFAULTS;
            NodeSettings settings = new NodeSettings(
                    Long.parseLong(p.getProperty("compaction-interval-ms", String.valueOf(d.compactionIntervalMs()))),
                    Integer.parseInt(p.getProperty("max-delta-count", String.valueOf(d.maxDeltaCount()))),
                    Long.parseLong(p.getProperty("snapshot-every", String.valueOf(d.snapshotEvery()))),
                    p.getProperty("pop-bounds", d.popBounds()));
            return new ClusterLayout(dir, Integer.parseInt(p.getProperty("nodes")),
                    Integer.parseInt(p.getProperty("base-port")), p.getProperty("variant", "delta"),
                    bugs.isEmpty() ? List.of() : List.of(bugs.split(",")),
                    Boolean.parseBoolean(p.getProperty("named-peers", "false")), settings);
        } catch (RuntimeException e) {
            throw new IOException("corrupt " + f + ": " + e.getMessage(), e);
        }
    }
}
