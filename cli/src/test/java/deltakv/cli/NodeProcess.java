package deltakv.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code dkv node} running as a real OS process on the test JVM's classpath (so it needs no built
 * jar). Stopped by PID: {@link #kill9()} is SIGKILL, {@link #close()} is SIGTERM then SIGKILL.
 */
public final class NodeProcess implements AutoCloseable {
    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;

    private NodeProcess(List<String> command, Path log, int port) {
        this.command = command;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code dkv node} with the given arguments (which must include --port {@code port}). */
    public static NodeProcess start(int port, Path log, String... nodeArgs) throws IOException, InterruptedException {
        // next to the log, in the test's temp dir: a SIGKILLed node cannot delete RocksDB's extracted library
        Path tmp = java.nio.file.Files.createDirectories(log.toAbsolutePath().getParent().resolve("node-tmp"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4", "-Xmx512m", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "node"));
        cmd.addAll(List.of(nodeArgs));
        NodeProcess n = new NodeProcess(cmd, log, port);
        n.launch();
        return n;
    }

    private void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitListening(TimeUnit.SECONDS.toMillis(60));
    }

    /** Starts the same command again (same data directory). */
    public void restart() throws IOException, InterruptedException {
        if (process.isAlive()) throw new IllegalStateException("still running");
        launch();
    }

    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public boolean alive() {
        return process.isAlive();
    }

    private void awaitListening(long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) throw new IOException("node exited with " + process.exitValue() + "; see " + log);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IOException("node did not listen on " + port + " within " + timeoutMs + " ms; see " + log);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** SIGTERM, then SIGKILL if it does not stop in 10 s; returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) stop();
    }
}
