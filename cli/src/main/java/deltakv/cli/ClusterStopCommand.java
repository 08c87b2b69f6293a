package deltakv.cli;

import deltakv.nemesis.cluster.LocalCluster;
import java.util.function.Consumer;
import picocli.CommandLine.Command;

/** {@code dkv cluster stop}: SIGTERM (then SIGKILL) to the node processes the cluster started, by pid. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop the cluster's node processes (only those it started; data is kept).")
public final class ClusterStopCommand extends ExistingCluster {
    @Override
    Consumer<LocalCluster> action() {
        return LocalCluster::stopAll;
    }
}
