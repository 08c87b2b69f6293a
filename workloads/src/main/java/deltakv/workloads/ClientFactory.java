package deltakv.workloads;

import deltakv.workloads.client.Connection;

/** Makes a workload's client over an open connection to one node. */
@FunctionalInterface
public interface ClientFactory {
    Client open(Connection connection);
}
