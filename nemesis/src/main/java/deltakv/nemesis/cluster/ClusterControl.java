package deltakv.nemesis.cluster;

import deltakv.nemesis.net.ProxyMesh;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the harness may do to the servers under test, and nothing more: the runner and every fault act
 * through this interface, never by reaching into the engine. A {@link LocalCluster} supports all of it;
 * servers the user runs ({@code --connect}) support only the calls that go over the Redis protocol.
 */
public interface ClusterControl extends AutoCloseable {
    /** Node ids, in order (n1, n2, …, or the endpoints' host:port for servers the user runs). */
    List<String> nodes();

    /** Where clients reach {@code node}. */
    Endpoint endpoint(String node);

    /** True when processes can be started, killed, paused and restarted (a local cluster). */
    boolean controlsProcesses();

    /** The proxies between the nodes, when the harness owns the network (a proxied local cluster). */
    default Optional<ProxyMesh> network() {
        return Optional.empty();
    }

    /** Starts {@code node} on its existing data (a restart after a kill). */
    void start(String node) throws IOException;

    /** SIGKILL; returns once the process is gone. */
    void kill(String node);

    /** SIGSTOP. */
    void pause(String node) throws IOException;

    /** SIGCONT. */
    void resume(String node) throws IOException;

    /** Stop (SIGTERM, then SIGKILL), then start again on the same data. */
    default void restart(String node) throws IOException {
        kill(node);
        start(node);
    }

    /** Whether {@code node}'s process is alive (paused counts); for servers the user runs: whether it answers. */
    default boolean running(String node) {
        return role(node) != NodeRole.DOWN;
    }

    /** The node's own answer to DKV.ROLE; {@link NodeRole#DOWN} when it does not answer. */
    NodeRole role(String node);

    /** The leader every answering node names, if exactly one node claims it; empty otherwise. */
    Optional<String> leader();

    /**
     * The leader as a fault aims at it: of the nodes that answer, the one that claims leadership in the
     * highest term (a paused or partitioned node may not answer, or may still claim an older term).
     */
    default Optional<String> likelyLeader() {
        Map<String, NodeRole> roles = new LinkedHashMap<>();
        for (String n : nodes()) roles.put(n, role(n));
        return likelyLeader(roles);
    }

    /** Of these answers, the node that claims leadership in the highest term. */
    static Optional<String> likelyLeader(Map<String, NodeRole> roles) {
        String best = null;
        long term = -1;
        for (var e : roles.entrySet()) {
            if (e.getValue().isLeader() && e.getValue().term() > term) {
                best = e.getKey();
                term = e.getValue().term();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Waits until every node answers and a leader is known (servers without DKV.ROLE: until each answers
     * PING). Returns the leader, or empty for servers without one.
     *
     * @throws IOException when that does not happen within {@code timeout}
     */
    Optional<String> awaitReady(Duration timeout) throws IOException, InterruptedException;

    /** Shifts {@code node}'s wall clock under its HLC by {@code offsetMillis} (0 resets), via DKV.CLOCK SET. */
    default void setClockOffset(String node, long offsetMillis) throws IOException {
        admin(node, "DKV.CLOCK", "SET", String.valueOf(offsetMillis));
    }

    /** {@code node}'s wall-clock offset in ms, via DKV.CLOCK GET. */
    default long clockOffset(String node) throws IOException {
        return Long.parseLong(admin(node, "DKV.CLOCK", "GET").get(0));
    }

    /** {@code DKV.COMPACTOR <subcommand>} (PAUSE, RESUME, RUN, STATS) on {@code node}; the reply flattened. */
    default List<String> compactor(String node, String subcommand) throws IOException {
        return admin(node, "DKV.COMPACTOR", subcommand);
    }

    /**
     * One admin command to {@code node}'s own Redis port (never through the proxies: the harness is not
     * partitioned from the nodes it controls), within {@value #ADMIN_TIMEOUT_MS} ms.
     *
     * @throws IOException the node does not answer in time, or answers with an error
     */
    default List<String> admin(String node, String... args) throws IOException {
        Endpoint e = endpoint(node);
        return RespProbe.call(e.host(), e.port(), ADMIN_TIMEOUT_MS, args);
    }

    /** How long an admin command may take (a paused node never answers). */
    int ADMIN_TIMEOUT_MS = 1000;

    /** Nodes that exited without being told to (a crash), each with the last line of its log. */
    List<String> unexpectedExits();

    /** Stops every process this control started; idempotent. */
    @Override
    void close();

    /** A Redis-protocol address. */
    record Endpoint(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}
