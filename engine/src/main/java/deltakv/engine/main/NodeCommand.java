package deltakv.engine.main;

import deltakv.engine.Bug;
import deltakv.engine.PopBounds;
import deltakv.engine.Variant;
import deltakv.engine.node.Node;
import deltakv.engine.node.NodeOptions;
import deltakv.engine.node.WrongStoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code dkv node} (and {@link NodeMain}): runs one engine node in the foreground until SIGTERM/SIGINT
 * (CLI.md), or until the process named by {@code --parent-pid} exits.
 */
@Command(name = "node", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run one engine node in the foreground (Redis protocol on --port). Stops cleanly on SIGTERM.",
        footerHeading = "%nBug flags (--bug, off by default; ANOMALIES.md):%n",
        modelTransformer = NodeCommand.BugFlagFooter.class)
public final class NodeCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int BAD_ARGUMENTS = 254;
    static final int CRASH = 255;

    /** The command with CLI.md's exit codes for bad arguments (254) and crashes (255). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new NodeCommand());
        cl.setParameterExceptionHandler((ex, a) -> {
            cl.getErr().println("dkv: " + ex.getMessage());
            return BAD_ARGUMENTS;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("dkv: internal error: " + ex);
            return CRASH;
        });
        return cl;
    }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--id", required = true, description = "Node id, e.g. n1.")
    String id;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "-1", description = "Redis protocol port (required without --peers).")
    int port;

    @Option(names = "--peers", paramLabel = "ID=HOST:RAFT:REDIS,...",
            description = "Cluster members, this node included (its Redis port and host come from here).")
    String peers;

    private ClusterMember cluster;

    @Option(names = "--data", required = true, description = "Data directory (created if missing; kept across restarts).")
    Path data;

    @Option(names = "--variant", defaultValue = "delta", converter = VariantConverter.class,
            description = "Design variant: rmw, delta or delta-cf (default: ${DEFAULT-VALUE}).")
    Variant variant;

    @Option(names = "--bug", paramLabel = "ID", description = "Enable a bug flag (repeatable); see the list below.")
    List<String> bugs = new ArrayList<>();

    @Option(names = "--pop-bounds", defaultValue = "delta", paramLabel = "delta|claim-gc",
            description = "Variant delta: who moves Head/Tail past a popped element: the pop's delta (default) or the "
                    + "compactor's claim GC (DELTA_DESIGN §5; the only setting where compactor-skips-gap can fire).")
    String popBounds;

    @Option(names = "--compaction-interval-ms", defaultValue = "30000",
            description = "Compactor tick interval in ms (default: ${DEFAULT-VALUE}).")
    long compactionIntervalMs;

    @Option(names = "--max-delta-count", defaultValue = "64",
            description = "Compact a collection once it has this many deltas (default: ${DEFAULT-VALUE}).")
    int maxDeltaCount;

    @Option(names = "--snapshot-every", defaultValue = "0",
            description = "Raft snapshot every N log entries, with small log segments; 0 = the default (20000).")
    long snapshotEvery;

    @Option(names = "--parent-pid", defaultValue = "0",
            description = "Exit when this process exits (the harness that started the node); 0 = never.")
    long parentPid;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NodeOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            err.println("dkv: " + e.getMessage());
            return BAD_ARGUMENTS;
        }
        logToStdout();
        Node node;
        try {
            node = cluster == null ? Node.start(options) : cluster.start(options, snapshotEvery);
        } catch (WrongStoreException e) {
            err.println("dkv: " + e.getMessage());
            return BAD_ARGUMENTS;
        } catch (RuntimeException e) {
            err.println("dkv: cannot start node " + id + ": " + e.getMessage());
            return CRASH;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(node::close, "dkv-node-shutdown");
        Runtime.getRuntime().addShutdownHook(hook); // fallback if the JVM exits some other way
        onSignal("TERM", stop);
        onSignal("INT", stop);
        if (parentPid > 0) ParentWatch.start(parentPid, () -> {
            out.println(id + ": parent process " + parentPid + " exited");
            stop.countDown();
        });
        out.printf("%s listening on %s:%d variant=%s data=%s%n", id, node.host(), node.port(),
                variant.cliName(), data.toAbsolutePath());
        out.flush();
        stop.await();
        out.println(id + " stopping");
        out.flush();
        node.close();
        out.println(id + " stopped");
        out.flush();
        return OK;
    }

    private NodeOptions options() {
        if (peers != null) cluster = ClusterMember.parse(id, peers, data.toAbsolutePath());
        else if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        if (compactionIntervalMs <= 0) throw new IllegalArgumentException("--compaction-interval-ms must be > 0");
        if (maxDeltaCount < 1) throw new IllegalArgumentException("--max-delta-count must be > 0");
        if (snapshotEvery < 0) throw new IllegalArgumentException("--snapshot-every must be >= 0");
        Set<Bug> flags = new LinkedHashSet<>();
        for (String b : bugs) flags.add(Bug.parse(b));
        NodeOptions o = NodeOptions.of(id, host, cluster == null ? port : 0, data.toAbsolutePath()).withVariant(variant)
                .withBugs(flags).withCompactionInterval(Duration.ofMillis(compactionIntervalMs))
                .withMaxDeltaCount(maxDeltaCount).withPopBounds(PopBounds.parse(popBounds));
        return cluster == null ? o : cluster.adapt(o);
    }

    /** The node's log goes to stdout (the harness redirects it to the node's log file). */
    private static void logToStdout() {
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
            System.setProperty("org.slf4j.simpleLogger.logFile", "System.out");
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        }
    }

    /** SIGTERM/SIGINT end the wait so the node closes and the process exits 0 (not 143). */
    private static void onSignal(String name, CountDownLatch stop) {
        try {
            Signal.handle(new Signal(name), s -> stop.countDown());
        } catch (IllegalArgumentException unsupported) {
            // the shutdown hook still closes the node
        }
    }

    /** Lets picocli report a bad --variant as a bad argument (exit 254). */
    public static final class VariantConverter implements CommandLine.ITypeConverter<Variant> {
        @Override
        public Variant convert(String value) {
            try {
                return Variant.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Lists the bug flags under --help from the engine's own table, so the two never drift apart. */
    static final class BugFlagFooter implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec command) {
            command.usageMessage().footer(Bug.describe().replace("%", "%%"));
            return command;
        }
    }
}
