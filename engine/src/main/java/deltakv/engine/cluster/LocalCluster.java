package deltakv.engine.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * N engine nodes as separate OS processes on this machine (the {@code dkv cluster} command and the
 * fault tests' MiniRaftCluster): start, SIGKILL, SIGTERM, SIGSTOP/SIGCONT and restart by pid, plus
 * the status lines scripts parse. {@link #close()} stops only the nodes this object started.
 */
public final class LocalCluster implements AutoCloseable {
    private static final int PROBE_MS = 1000;

    private final ClusterLayout layout;
    private final List<String> jvmArgs;
    private final Set<String> startedHere = new LinkedHashSet<>();

    private LocalCluster(ClusterLayout layout, List<String> jvmArgs) {
        this.layout = layout;
        this.jvmArgs = List.copyOf(jvmArgs);
    }

    /** Saves the layout (and default hosts files for named peers) and returns a handle; starts nothing. */
    public static LocalCluster create(ClusterLayout layout, List<String> jvmArgs) throws IOException {
        layout.save();
        if (layout.namedPeers()) {
            for (String id : layout.ids()) {
                if (!Files.exists(layout.hostsFile(id))) HostsFiles.write(layout.hostsFile(id), layout, "127.0.0.1");
            }
        }
        return new LocalCluster(layout, jvmArgs);
    }

    /** A handle on a cluster started earlier (possibly by another process). */
    public static LocalCluster open(java.nio.file.Path dir) throws IOException {
        return new LocalCluster(ClusterLayout.load(dir), List.of());
    }

    public ClusterLayout layout() {
        return layout;
    }

    public void startAll() throws IOException {
        for (String id : layout.ids()) start(id);
    }

    /** Starts node {@code id} on its data directory (a restart if it ran before). */
    public long start(String id) throws IOException {
        if (NodeProcess.find(layout, id).isPresent()) throw new IOException(id + " is already running");
        long pid = NodeProcess.launch(layout, id, jvmArgs);
        startedHere.add(id);
        return pid;
    }

    public void kill(String id) {
        NodeProcess.kill(layout, id);
    }

    public void stop(String id) {
        NodeProcess.stop(layout, id, 10_000);
    }

    public void pause(String id) throws IOException, InterruptedException {
        NodeProcess.signal(layout, id, "STOP");
    }

    public void resume(String id) throws IOException, InterruptedException {
        NodeProcess.signal(layout, id, "CONT");
    }

    public boolean running(String id) {
        return NodeProcess.find(layout, id).isPresent();
    }

    public NodeRole role(String id) {
        if (!running(id)) return NodeRole.DOWN;
        return NodeRole.query("127.0.0.1", layout.redisPort(id), PROBE_MS);
    }

    /**
     * Waits until a leader is elected and every running node answers and names it; returns its id.
     *
     * @throws IOException if that does not happen within {@code timeout}
     */
    public String awaitLeader(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (layout.ids().stream().noneMatch(this::running)) {
                throw new IOException("every node exited; " + layout.ids().get(0) + " said: " + lastLine(layout.ids().get(0)));
            }
            // Exactly one claimant that every node names: a deposed leader that has not heard of the next
            // term yet still claims to lead.
            Map<String, NodeRole> roles = new LinkedHashMap<>();
            for (String id : layout.ids()) if (running(id)) roles.put(id, role(id));
            List<String> claimants = roles.keySet().stream().filter(id -> roles.get(id).isLeader()).toList();
            if (claimants.size() == 1 && roles.values().stream().allMatch(r -> claimants.get(0).equals(r.leader()))) {
                return claimants.get(0);
            }
            last = String.join("; ", statusLines());
            Thread.sleep(100);
        }
        throw new IOException("no leader within " + timeout.toMillis() + " ms: " + last);
    }

    /** The node's last log line (its exit reason when it failed to start). */
    public String lastLine(String id) {
        try {
            List<String> lines = Files.readAllLines(layout.logFile(id));
            return lines.isEmpty() ? "(empty log)" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** One line per node, exactly: {@code n1 pid=12345 redis=6381 raft=7001 role=leader leader=n1}. */
    public List<String> statusLines() {
        List<String> out = new ArrayList<>();
        for (String id : layout.ids()) {
            long pid = NodeProcess.pid(layout, id);
            NodeRole r = pid < 0 ? NodeRole.DOWN : NodeRole.query("127.0.0.1", layout.redisPort(id), PROBE_MS);
            // the format knows leader|follower|down: a candidate is a follower without a leader
            String role = r.role().equals("candidate") ? "follower" : r.role();
            String leader = r.leader() == null || role.equals("down") ? "none" : r.leader();
            out.add(id + " pid=" + Math.max(pid, 0) + " redis=" + layout.redisPort(id) + " raft="
                    + layout.raftPort(id) + " role=" + role + " leader=" + leader);
        }
        return out;
    }

    /** Stops (SIGTERM, then SIGKILL) every node of the layout that is running. */
    public void stopAll() {
        for (String id : layout.ids()) stop(id);
    }

    @Override
    public void close() {
        for (String id : startedHere) stop(id);
    }
}
