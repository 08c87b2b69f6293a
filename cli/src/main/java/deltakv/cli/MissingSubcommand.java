package deltakv.cli;

import picocli.CommandLine;

/**
 * A command group run without one of its commands ({@code dkv}, {@code dkv cluster}, {@code dkv bench}): bad
 * arguments, so one line on stderr and exit 254 (CLI.md), not the usage on stdout and exit 0 that a script
 * would take for success.
 */
final class MissingSubcommand {
    private MissingSubcommand() {}

    static int refuse(Object group) {
        CommandLine cl = new CommandLine(group);
        String own = cl.getCommandSpec().name();
        String name = own.equals("dkv") ? own : "dkv " + own;
        String commands = String.join("|", cl.getSubcommands().keySet().stream().filter(c -> !c.equals("help")).toList());
        System.err.println(name + ": give a command: " + commands + " (" + name + " --help)");
        return ExitCodes.BAD_ARGUMENTS;
    }
}
