package deltakv.engine.main;

import picocli.CommandLine;

/**
 * The node's own main class: {@code java -cp <engine classpath> deltakv.engine.main.NodeMain --id n1 …}
 * starts one engine node without the CLI module (the harness launches nodes this way; {@code dkv node}
 * is the same command). Exit codes as CLI.md: 0 stopped cleanly, 254 bad arguments, 255 start-up failure.
 */
public final class NodeMain {
    private NodeMain() {}

    public static void main(String[] args) {
        System.exit(NodeCommand.commandLine().execute(args));
    }
}
