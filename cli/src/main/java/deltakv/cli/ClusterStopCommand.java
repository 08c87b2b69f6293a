package deltakv.cli;

import deltakv.engine.cluster.LocalCluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dkv cluster stop}: SIGTERM (then SIGKILL) to the node processes the cluster started, by pid. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop the cluster's node processes (only those it started; data is kept).")
public final class ClusterStopCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", defaultValue = "dkv-cluster", description = "Cluster directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() {
        LocalCluster cluster;
        try {
            cluster = LocalCluster.open(dir);
        } catch (IOException e) {
            spec.commandLine().getErr().println("dkv: " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        }
        cluster.stopAll();
        cluster.statusLines().forEach(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
