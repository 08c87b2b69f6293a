package deltakv.runner.exec;

import deltakv.nemesis.cluster.ClusterControl;
import deltakv.nemesis.cluster.ClusterControl.Endpoint;
import deltakv.workloads.Client;
import deltakv.workloads.ClientFactory;
import deltakv.workloads.client.Connection;
import java.util.List;

/** The nodes clients may talk to, and how to open a workload client on one of them. */
public final class Nodes {
    private final ClusterControl cluster;
    private final List<String> names;
    private final ClientFactory factory;
    private final String keyPrefix;
    private final int timeoutMillis;

    public Nodes(ClusterControl cluster, ClientFactory factory, String keyPrefix, int timeoutMillis) {
        this.cluster = cluster;
        this.names = cluster.nodes();
        this.factory = factory;
        this.keyPrefix = keyPrefix;
        this.timeoutMillis = timeoutMillis;
    }

    int size() {
        return names.size();
    }

    String name(int i) {
        return names.get(i);
    }

    Client open(int i) {
        return open(i, new long[1]);
    }

    /** @param opCount the worker's op count, kept across its reconnects ({@link Connection}) */
    Client open(int i, long[] opCount) {
        Endpoint e = cluster.endpoint(names.get(i));
        return factory.open(new Connection(names.get(i), e.host(), e.port(), keyPrefix, timeoutMillis, opCount));
    }
}
