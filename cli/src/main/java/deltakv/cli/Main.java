package deltakv.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code dkv} launcher: one picocli subcommand per CLI.md command. */
@Command(name = "dkv", mixinStandardHelpOptions = true, version = "dkv 0.1.0",
        description = "DeltaKV: reference engine, workloads, nemeses and checkers for the collection-metadata delta design.",
        subcommands = {CommandLine.HelpCommand.class, deltakv.engine.main.NodeCommand.class, TestCommand.class, AnalyzeCommand.class, ReplayCommand.class, ReproduceCommand.class, NightlyCommand.class, ServeCommand.class, CheckCommand.class, ClusterCommand.class, BenchCommand.class, GateCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code (0 ok, 1 invalid, 2 unknown, 254 bad arguments, 255 crash). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            cl.getErr().println("dkv: " + ex.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("dkv: internal error: " + ex);
            return ExitCodes.CRASH;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        return MissingSubcommand.refuse(this);
    }
}
