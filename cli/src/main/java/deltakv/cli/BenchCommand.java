package deltakv.cli;

import picocli.CommandLine.Command;

/** {@code dkv bench contended} (CLI.md). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks against real clusters, with a redis-server reference.",
        subcommands = {BenchContendedCommand.class})
public final class BenchCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        return MissingSubcommand.refuse(this);
    }
}
