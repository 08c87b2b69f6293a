package deltakv.engine.raft;

/**
 * One cluster member as given on the command line: {@code id=host:raftPort:redisPort}. The host is a
 * name or an IP, resolved through the JDK resolver on use, so a per-process hosts file
 * ({@code -Djdk.net.hosts.file}) can route each node's view of its peers through the harness' proxies.
 */
public record PeerAddress(String id, String host, int raftPort, int redisPort) {
    public String raftAddress() {
        return host + ":" + raftPort;
    }

    @Override
    public String toString() {
        return id + "=" + host + ":" + raftPort + ":" + redisPort;
    }
}
