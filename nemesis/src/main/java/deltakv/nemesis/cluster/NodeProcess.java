package deltakv.nemesis.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts one node as a separate OS process ({@code java … deltakv.engine.main.NodeMain --peers …}) with its
 * output in the node's log file and its pid in {@code node.pid}, and signals it by pid. A pid is only
 * signalled while its command line still names this node's directory ({@code -Ddkv.node=DIR}), so a
 * recycled pid of an unrelated process is never touched.
 */
public final class NodeProcess {
    /** The engine's node main class: nodes start from the engine's classes, without the CLI. */
    static final String MAIN = "deltakv.engine.main.NodeMain";
    /** A system property naming the node's directory: how a pid is recognised as this node's process. */
    static final String MARKER = "-Ddkv.node=";

    private NodeProcess() {}

    /** @param parentPid the node exits when this process does; 0 = it outlives its starter */
    public static long launch(ClusterLayout layout, String id, List<String> jvmArgs, long parentPid) throws IOException {
        Files.createDirectories(layout.nodeDir(id));
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        // First, so it survives the kernel's 4096-byte cut of /proc/<pid>/cmdline that find() reads.
        cmd.add(MARKER + layout.nodeDir(id));
        cmd.add("-Djava.util.concurrent.ForkJoinPool.common.parallelism=4");
        cmd.add("-Xmx768m");
        // RocksDB extracts its 17 MB native library into java.io.tmpdir and deletes it only at a normal exit:
        // every SIGKILLed node (the kill fault) used to leave one in /tmp for good. In the node's own directory
        // it goes with the node's data, and a restart clears what the killed JVM left.
        cmd.add("-Djava.io.tmpdir=" + scratch(layout.nodeDir(id)));
        // Serial GC unless the caller picked a collector: three node JVMs share two cores here, and
        // G1's concurrent threads and barriers cost ~15 % of RPUSH throughput (docs/replication.md).
        if (jvmArgs.stream().noneMatch(a -> a.matches("-XX:\\+Use\\w*GC"))) cmd.add("-XX:+UseSerialGC");
        if (layout.namedPeers()) cmd.add("-Djdk.net.hosts.file=" + layout.hostsFile(id));
        cmd.addAll(jvmArgs);
        cmd.add(MAIN);
        cmd.add("--id");
        cmd.add(id);
        cmd.add("--peers");
        cmd.add(layout.peers());
        cmd.add("--data");
        cmd.add(layout.nodeDir(id).toString());
        cmd.add("--variant");
        cmd.add(layout.variant());
        for (String b : layout.bugs()) {
            cmd.add("--bug");
            cmd.add(b);
        }
        cmd.addAll(layout.settings().args());
        if (parentPid > 0) {
            cmd.add("--parent-pid");
            cmd.add(String.valueOf(parentPid));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // The classpath goes in the environment: a test's classpath alone is longer than the command line
        // the kernel shows other processes.
        pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        Process p = pb.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.logFile(id).toFile())).start();
        Files.writeString(layout.pidFile(id), p.pid() + "\n");
        return p.pid();
    }

    /** The node's temporary directory, emptied: the JVM that used it last is gone (this node is not running). */
    static Path scratch(Path nodeDir) throws IOException {
        Path tmp = nodeDir.resolve("tmp");
        if (Files.isDirectory(tmp)) {
            try (var walk = Files.walk(tmp)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (!p.equals(tmp)) Files.deleteIfExists(p);
                }
            }
        }
        return Files.createDirectories(tmp);
    }

    /** The live process of node {@code id}, if its pid file names one that is still this node. */
    public static Optional<ProcessHandle> find(ClusterLayout layout, String id) {
        try {
            Path f = layout.pidFile(id);
            if (!Files.isRegularFile(f)) return Optional.empty();
            long pid = Long.parseLong(Files.readString(f).trim());
            String marker = MARKER + layout.nodeDir(id) + " ";
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static long pid(ClusterLayout layout, String id) {
        return find(layout, id).map(ProcessHandle::pid).orElse(-1L);
    }

    /** SIGKILL; returns once the process is gone. */
    public static void kill(ClusterLayout layout, String id) {
        find(layout, id).ifPresent(h -> {
            h.destroyForcibly();
            h.onExit().join();
        });
    }

    /** SIGTERM, then SIGKILL if it has not exited within {@code graceMillis}. */
    public static void stop(ClusterLayout layout, String id, long graceMillis) {
        find(layout, id).ifPresent(h -> {
            h.destroy();
            try {
                h.onExit().get(graceMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
                h.onExit().join();
            }
        });
    }

    /** SIGSTOP / SIGCONT (pause nemesis); the JDK has no API for these, so {@code kill -STOP}. */
    public static void signal(ClusterLayout layout, String id, String signal) throws IOException {
        Optional<ProcessHandle> h = find(layout, id);
        if (h.isEmpty()) return;
        Process k = new ProcessBuilder("kill", "-" + signal, String.valueOf(h.get().pid())).inheritIO().start();
        try {
            k.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling " + id, e);
        }
    }
}
