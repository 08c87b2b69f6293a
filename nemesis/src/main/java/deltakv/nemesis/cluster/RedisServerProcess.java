package deltakv.nemesis.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server started as an OS process on a free loopback port, no persistence, stopped by
 * PID on close. The differential tests compare replies against it; {@code dkv bench contended} measures
 * it as the machine's reference point. Installed by scripts/install-test-deps.sh (Debian package
 * redis-server).
 */
public final class RedisServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private RedisServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The redis-server binary, or null when it is not installed. */
    public static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "redis-server");
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    public static RedisServerProcess start() throws IOException, InterruptedException {
        String bin = binary();
        if (bin == null) throw new IOException("redis-server not found on PATH (run scripts/install-test-deps.sh)");
        int port = freePort();
        Path log = Files.createTempFile("redis-server-", ".log");
        Process p = new ProcessBuilder(List.of(bin, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RedisServerProcess r = new RedisServerProcess(p, port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                if (List.of("PONG").equals(RespProbe.call("127.0.0.1", port, 1000, "PING"))) return r;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        String output = Files.readString(log); // read before close() deletes it
        r.close();
        throw new IOException("redis-server did not start; log: " + output);
    }

    public int port() {
        return port;
    }

    /** The server's OS process id (the bench reads its CPU time). */
    public long pid() {
        return process.pid();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a leftover temp log is harmless
        }
    }
}
