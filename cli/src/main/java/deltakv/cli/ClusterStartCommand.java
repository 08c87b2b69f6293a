package deltakv.cli;

import deltakv.engine.Bug;
import deltakv.engine.PopBounds;
import deltakv.engine.Variant;
import deltakv.nemesis.cluster.ClusterLayout;
import deltakv.nemesis.cluster.LocalCluster;
import deltakv.nemesis.cluster.NodeJvmArgs;
import deltakv.nemesis.cluster.NodeProcess;
import deltakv.nemesis.cluster.NodeSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dkv cluster start}: starts N nodes, waits for a leader, prints the status lines. */
@Command(name = "start", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start a local cluster in the background and wait until it has a leader.")
public final class ClusterStartCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "3", description = "Number of nodes, 1-9 (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--variant", defaultValue = "delta", converter = deltakv.engine.main.NodeCommand.VariantConverter.class,
            description = "Design variant: rmw, delta or delta-cf (default: ${DEFAULT-VALUE}).")
    Variant variant;

    @Option(names = "--pop-bounds", defaultValue = "delta", paramLabel = "delta|claim-gc",
            description = "Variant delta: who moves Head/Tail past a popped element (see dkv node --help; default: ${DEFAULT-VALUE}).")
    String popBounds;

    @Option(names = "--bug", paramLabel = "ID", description = "Bug flag for every node (repeatable).")
    List<String> bugs = new ArrayList<>();

    @Option(names = "--dir", defaultValue = "dkv-cluster", description = "Cluster directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--base-port", defaultValue = "6381",
            description = "Redis port of n1; n2 gets +1 …; Raft ports are base+620 … (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Option(names = "--named-peers", description = "Address peers by node name through per-node hosts files.")
    boolean namedPeers;

    @Option(names = "--timeout", defaultValue = "60", description = "Seconds to wait for a leader (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClusterLayout layout;
        try {
            for (String b : bugs) Bug.parse(b); // unknown or not implemented: one line, exit 254
            PopBounds.parse(popBounds).requireVariant(variant); // one line now, rather than three node logs
            layout = new ClusterLayout(dir, nodes, basePort, variant.cliName(), bugs, namedPeers,
                    NodeSettings.ENGINE_DEFAULTS.withPopBounds(popBounds));
            if (ClusterLayout.exists(dir)) layout = reuse(ClusterLayout.load(dir), layout);
        } catch (IllegalArgumentException e) {
            err.println("dkv: " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        } catch (IOException e) {
            err.println("dkv: " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        }
        for (String id : layout.ids()) {
            if (NodeProcess.find(layout, id).isPresent()) {
                err.println("dkv: a cluster is already running in " + dir + " (dkv cluster stop --dir " + dir + ")");
                return ExitCodes.BAD_ARGUMENTS;
            }
        }
        LocalCluster cluster = LocalCluster.create(layout, NodeJvmArgs.fromEnv());
        cluster.startAll();
        try {
            cluster.awaitLeader(Duration.ofSeconds(timeoutSeconds));
        } catch (IOException e) {
            err.println("dkv: cluster did not become ready: " + e.getMessage() + " (logs: " + dir + "/n*/node.log)");
            cluster.stopAll();
            return ExitCodes.CRASH;
        }
        cluster.statusLines().forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Restarting a cluster directory: its saved layout wins (ports, variant, bug flags, node settings);
     * an option given on this command line that contradicts it is refused rather than silently ignored
     * or applied to data written under other settings.
     */
    private ClusterLayout reuse(ClusterLayout saved, ClusterLayout asked) {
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        java.util.List<String> conflicts = new ArrayList<>();
        for (String c : asked.conflictsWith(saved)) {
            String option = c.startsWith("variant") ? "--variant" : c.startsWith("pop bounds") ? "--pop-bounds"
                    : c.startsWith("bug") ? "--bug"
                    : c.startsWith("--nodes") ? "--nodes" : "--named-peers";
            if (given.hasMatchedOption(option)) conflicts.add(c);
        }
        if (given.hasMatchedOption("--base-port") && asked.basePort() != saved.basePort()) {
            conflicts.add("--base-port " + asked.basePort() + " (saved: " + saved.basePort() + ")");
        }
        if (!conflicts.isEmpty()) {
            throw new IllegalArgumentException(dir + " holds an existing cluster started with other options: "
                    + String.join(", ", conflicts) + "; omit them to restart it as saved, or use another --dir");
        }
        return saved;
    }
}
