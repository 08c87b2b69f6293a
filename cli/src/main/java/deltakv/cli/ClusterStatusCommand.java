package deltakv.cli;

import deltakv.engine.cluster.LocalCluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dkv cluster status}: one line per node, in the exact format scripts parse. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print one line per node: id pid=… redis=… raft=… role=leader|follower|down leader=…|none.")
public final class ClusterStatusCommand implements Callable<Integer> {
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
        cluster.statusLines().forEach(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
