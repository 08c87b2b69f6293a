package deltakv.cli;

import picocli.CommandLine.Command;

/** {@code dkv cluster start|status|stop}: a local cluster of node processes in the background (CLI.md). */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Run a local cluster of engine nodes as background processes.",
        subcommands = {ClusterStartCommand.class, ClusterStatusCommand.class, ClusterStopCommand.class})
public final class ClusterCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        return MissingSubcommand.refuse(this);
    }
}
