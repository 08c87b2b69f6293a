package deltakv.engine.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Where a local cluster lives: node ids, ports and folders, saved as {@code cluster.properties} in
 * its directory so {@code status} and {@code stop} (other processes) find what {@code start} made.
 * Node i (1-based) gets Redis port {@code basePort + i - 1} and Raft port {@code basePort + 620 + i - 1}
 * (6381 → 7001, as in CLI.md).
 *
 * @param namedPeers peers are addressed by node name (resolved through each node's hosts file)
 *                   instead of 127.0.0.1
 */
public record ClusterLayout(Path dir, int nodes, int basePort, String variant, List<String> bugs,
                            boolean namedPeers) {
    public static final String FILE = "cluster.properties";
    static final int RAFT_OFFSET = 620;

    public ClusterLayout {
        bugs = List.copyOf(bugs);
        dir = dir.toAbsolutePath();
        if (nodes < 1 || nodes > 9) throw new IllegalArgumentException("--nodes must be 1..9, got " + nodes);
        if (basePort < 1 || basePort + RAFT_OFFSET + nodes > 65535) {
            throw new IllegalArgumentException("--base-port " + basePort + " leaves no room for " + nodes + " nodes");
        }
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

    public void save() throws IOException {
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("nodes", String.valueOf(nodes));
        p.setProperty("base-port", String.valueOf(basePort));
        p.setProperty("variant", variant);
        p.setProperty("bugs", String.join(",", bugs));
        p.setProperty("named-peers", String.valueOf(namedPeers));
        try (Writer w = Files.newBufferedWriter(dir.resolve(FILE))) {
            p.store(w, "dkv local cluster");
        }
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
            return new ClusterLayout(dir, Integer.parseInt(p.getProperty("nodes")),
                    Integer.parseInt(p.getProperty("base-port")), p.getProperty("variant", "delta"),
                    bugs.isEmpty() ? List.of() : List.of(bugs.split(",")),
                    Boolean.parseBoolean(p.getProperty("named-peers", "false")));
        } catch (RuntimeException e) {
            throw new IOException("corrupt " + f + ": " + e.getMessage(), e);
        }
    }
}
