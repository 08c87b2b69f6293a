package deltakv.cli;

import deltakv.nemesis.cluster.LocalCluster;
import java.util.function.Consumer;
import picocli.CommandLine.Command;

/** {@code dkv cluster status}: one line per node, in the exact format scripts parse. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print one line per node: id pid=… redis=… raft=… role=leader|follower|down leader=…|none.")
public final class ClusterStatusCommand extends ExistingCluster {
    @Override
    Consumer<LocalCluster> action() {
        return cluster -> { };
    }
}
