package deltakv.nemesis.cluster;

import deltakv.nemesis.net.ProxyMesh;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * N engine nodes as separate OS processes on this machine (the {@code dkv cluster} command, the test
 * runner and the fault tests): start, SIGKILL, SIGTERM, SIGSTOP/SIGCONT and restart by pid, plus the
 * status lines scripts parse. {@link #close()} stops only the nodes this object started.
 */
public final class LocalCluster implements ClusterControl {
    private static final int PROBE_MS = 1000;

    private final ClusterLayout layout;
    private final List<String> jvmArgs;
    private final long parentPid;
    /** The links between the nodes when the harness routes them through its proxies; null otherwise. */
    private ProxyMesh mesh;
    /** Resumes paused nodes if this JVM dies (watched clusters only). */
    private Process resumeGuard;
    private final Set<String> startedHere = new LinkedHashSet<>();
    /** Nodes that should be running: started and not since killed or stopped on purpose. */
    private final Set<String> expectedUp = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private LocalCluster(ClusterLayout layout, List<String> jvmArgs, long parentPid) {
        this.layout = layout;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.parentPid = parentPid;
    }

    /** Saves the layout (and default hosts files for named peers) and returns a handle; starts nothing. */
    public static LocalCluster create(ClusterLayout layout, List<String> jvmArgs) throws IOException {
        return create(layout, jvmArgs, false);
    }

    /**
     * @param watchParent the nodes exit when this JVM exits (a test run: a killed harness must not leave
     *                    nodes behind); false for {@code dkv cluster start}, whose nodes outlive the command
     */
    public static LocalCluster create(ClusterLayout layout, List<String> jvmArgs, boolean watchParent) throws IOException {
        layout.save();
        if (layout.namedPeers()) {
            for (String id : layout.ids()) {
                if (!Files.exists(layout.hostsFile(id))) HostsFiles.write(layout.hostsFile(id), layout, "127.0.0.1");
            }
        }
        LocalCluster c = new LocalCluster(layout, jvmArgs, watchParent ? ProcessHandle.current().pid() : 0);
        if (watchParent) c.resumeGuard = ResumeGuard.start(layout.dir(), c.parentPid);
        return c;
    }

    /**
     * As {@link #create(ClusterLayout, List, boolean)}, with every byte between two nodes routed through a
     * {@link ProxyMesh} that lives in this JVM (the nemesis cuts, delays and throttles its links). Needs
     * named peers: each node's hosts file maps peer names to the link addresses.
     */
    public static LocalCluster createProxied(ClusterLayout layout, List<String> jvmArgs, boolean watchParent)
            throws IOException {
        if (!layout.namedPeers()) throw new IllegalArgumentException("a proxied cluster needs named peers");
        LocalCluster c = create(layout, jvmArgs, watchParent);
        List<ProxyMesh.Peer> peers = new ArrayList<>();
        for (String id : layout.ids()) peers.add(new ProxyMesh.Peer(id, layout.raftPort(id), layout.redisPort(id)));
        c.mesh = ProxyMesh.start(peers);
        for (String id : layout.ids()) HostsFiles.write(layout.hostsFile(id), c.mesh.hostsView(id));
        return c;
    }

    /** A handle on a cluster started earlier (possibly by another process), with its saved layout. */
    public static LocalCluster open(Path dir) throws IOException {
        return new LocalCluster(ClusterLayout.load(dir), NodeJvmArgs.fromEnv(), 0);
    }

    public ClusterLayout layout() {
        return layout;
    }

    @Override
    public List<String> nodes() {
        return layout.ids();
    }

    @Override
    public Endpoint endpoint(String node) {
        return new Endpoint("127.0.0.1", layout.redisPort(node));
    }

    @Override
    public boolean controlsProcesses() {
        return true;
    }

    @Override
    public Optional<ProxyMesh> network() {
        return Optional.ofNullable(mesh);
    }

    public void startAll() throws IOException {
        for (String id : layout.ids()) start(id);
    }

    /** Starts node {@code id} on its data directory (a restart if it ran before). */
    @Override
    public void start(String id) throws IOException {
        launch(id);
    }

    /** As {@link #start}, returning the new process id. */
    public long launch(String id) throws IOException {
        if (NodeProcess.find(layout, id).isPresent()) throw new IOException(id + " is already running");
        long pid = NodeProcess.launch(layout, id, jvmArgs, parentPid);
        startedHere.add(id);
        expectedUp.add(id);
        return pid;
    }

    @Override
    public void kill(String id) {
        expectedUp.remove(id);
        NodeProcess.kill(layout, id);
    }

    public void stop(String id) {
        expectedUp.remove(id);
        NodeProcess.stop(layout, id, 10_000);
    }

    @Override
    public void pause(String id) throws IOException {
        NodeProcess.signal(layout, id, "STOP");
    }

    @Override
    public void resume(String id) throws IOException {
        NodeProcess.signal(layout, id, "CONT");
    }

    @Override
    public boolean running(String id) {
        return NodeProcess.find(layout, id).isPresent();
    }

    public long pid(String id) {
        return NodeProcess.pid(layout, id);
    }

    @Override
    public NodeRole role(String id) {
        if (!running(id)) return NodeRole.DOWN;
        return NodeRole.query("127.0.0.1", layout.redisPort(id), PROBE_MS);
    }

    @Override
    public Optional<String> leader() {
        // Exactly one claimant that every running node names: a deposed leader that has not heard of the
        // next term yet still claims to lead.
        Map<String, NodeRole> roles = new LinkedHashMap<>();
        for (String id : layout.ids()) if (running(id)) roles.put(id, role(id));
        List<String> claimants = roles.keySet().stream().filter(id -> roles.get(id).isLeader()).toList();
        if (claimants.size() == 1 && roles.values().stream().allMatch(r -> claimants.get(0).equals(r.leader()))) {
            return Optional.of(claimants.get(0));
        }
        return Optional.empty();
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
            Optional<String> leader = leader();
            if (leader.isPresent()) return leader.get();
            last = String.join("; ", statusLines());
            Thread.sleep(100);
        }
        throw new IOException("no leader within " + timeout.toMillis() + " ms: " + last);
    }

    @Override
    public Optional<String> awaitReady(Duration timeout) throws IOException, InterruptedException {
        return Optional.of(awaitLeader(timeout));
    }

    @Override
    public List<String> unexpectedExits() {
        List<String> out = new ArrayList<>();
        for (String id : expectedUp) {
            if (!running(id)) out.add(id + " exited: " + lastLine(id));
        }
        return out;
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

    /** Stops (SIGCONT, SIGTERM, then SIGKILL) every node of the layout that is running. */
    public void stopAll() {
        for (String id : layout.ids()) {
            try {
                resume(id); // a paused node cannot handle SIGTERM
            } catch (IOException ignored) {
                // stop() falls back to SIGKILL
            }
            stop(id);
        }
    }

    @Override
    public void close() {
        for (String id : startedHere) {
            try {
                resume(id);
            } catch (IOException ignored) {
                // stop() falls back to SIGKILL
            }
            stop(id);
        }
        if (mesh != null) mesh.close();
        if (resumeGuard != null) resumeGuard.destroyForcibly();
    }
}
