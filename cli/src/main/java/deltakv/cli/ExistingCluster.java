package deltakv.cli;

import deltakv.nemesis.cluster.LocalCluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Base of the commands that act on a cluster started earlier ({@code status}, {@code stop}): opens it
 * from {@code --dir}, runs the action, prints the status lines.
 */
abstract class ExistingCluster implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", defaultValue = "dkv-cluster", description = "Cluster directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    /** What the command does before the status lines are printed. */
    abstract Consumer<LocalCluster> action();

    @Override
    public Integer call() {
        LocalCluster cluster;
        try {
            cluster = LocalCluster.open(dir);
        } catch (IOException e) {
            spec.commandLine().getErr().println("dkv: " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        }
        action().accept(cluster);
        cluster.statusLines().forEach(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
