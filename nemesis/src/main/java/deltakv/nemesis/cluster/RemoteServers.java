package deltakv.nemesis.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Servers the user runs ({@code dkv test --connect host:port,…}): any Redis-protocol server, our cluster on
 * other hosts or a real redis-server. The harness controls no process here, so only what goes over the
 * protocol works: roles and the leader where the server answers {@code DKV.ROLE}, clocks where it answers
 * {@code DKV.CLOCK}; readiness is "answers PING". Nothing is ever stopped or flushed.
 */
public final class RemoteServers implements ClusterControl {
    private static final int PROBE_MS = 1000;
    private final Map<String, Endpoint> endpoints;

    private RemoteServers(Map<String, Endpoint> endpoints) {
        this.endpoints = endpoints;
    }

    /**
     * Parses {@code host:port} entries.
     *
     * @throws IllegalArgumentException with a one-line reason for a malformed entry
     */
    public static RemoteServers of(List<String> hostPorts) {
        if (hostPorts.isEmpty()) throw new IllegalArgumentException("--connect needs at least one host:port");
        Map<String, Endpoint> m = new LinkedHashMap<>();
        for (String hp : hostPorts) {
            int c = hp.lastIndexOf(':');
            int port = -1;
            try {
                if (c > 0) port = Integer.parseInt(hp.substring(c + 1));
            } catch (NumberFormatException ignored) {
                // reported below
            }
            if (c <= 0 || port < 1 || port > 65535) {
                throw new IllegalArgumentException("--connect: '" + hp + "' is not host:port");
            }
            if (m.put(hp, new Endpoint(hp.substring(0, c), port)) != null) {
                throw new IllegalArgumentException("--connect: " + hp + " is listed twice");
            }
        }
        return new RemoteServers(m);
    }

    /** Endpoints that do not answer PING right now, each with the reason; empty when all answer. */
    public List<String> unreachable() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Endpoint> e : endpoints.entrySet()) {
            try {
                RespProbe.call(e.getValue().host(), e.getValue().port(), PROBE_MS, "PING");
            } catch (IOException | RuntimeException x) {
                out.add(e.getKey() + " (" + (x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage()) + ")");
            }
        }
        return out;
    }

    @Override
    public List<String> nodes() {
        return List.copyOf(endpoints.keySet());
    }

    @Override
    public Endpoint endpoint(String node) {
        Endpoint e = endpoints.get(node);
        if (e == null) throw new IllegalArgumentException("no endpoint " + node);
        return e;
    }

    @Override
    public boolean controlsProcesses() {
        return false;
    }

    @Override
    public void start(String node) {
        throw unsupported("start");
    }

    @Override
    public void kill(String node) {
        throw unsupported("kill");
    }

    @Override
    public void pause(String node) {
        throw unsupported("pause");
    }

    @Override
    public void resume(String node) {
        throw unsupported("resume");
    }

    @Override
    public NodeRole role(String node) {
        Endpoint e = endpoint(node);
        return NodeRole.query(e.host(), e.port(), PROBE_MS);
    }

    @Override
    public Optional<String> leader() {
        for (String n : nodes()) {
            NodeRole r = role(n);
            if (r.isLeader()) return Optional.of(n);
        }
        return Optional.empty();
    }

    /** Waits until every endpoint answers PING; servers with DKV.ROLE also until one of them leads. */
    @Override
    public Optional<String> awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> down = unreachable();
        while (true) {
            if (down.isEmpty()) {
                boolean hasRoles = nodes().stream().anyMatch(n -> !role(n).equals(NodeRole.DOWN));
                Optional<String> leader = leader();
                if (!hasRoles || leader.isPresent()) return leader;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(down.isEmpty() ? "no leader among " + nodes() + " within " + timeout.toMillis() + " ms"
                        : "not answering PING: " + String.join(", ", down));
            }
            Thread.sleep(200);
            down = unreachable();
        }
    }

    @Override
    public List<String> unexpectedExits() {
        return List.of(); // not ours to watch
    }

    @Override
    public void close() {
        // nothing started here
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("cannot " + what + " servers reached with --connect");
    }
}
