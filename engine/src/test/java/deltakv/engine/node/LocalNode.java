package deltakv.engine.node;

import deltakv.engine.Bug;
import deltakv.engine.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * Test utility: a real {@link Node} in this JVM on a free port with a temporary data directory,
 * deleted on close (unless {@link #keepData}). Other tests use it to get a running engine.
 */
public final class LocalNode implements AutoCloseable {
    private final Path dir;
    private final boolean ownsDir;
    private final Node node;

    private LocalNode(NodeOptions options, boolean ownsDir) {
        this.dir = options.dataDir();
        this.ownsDir = ownsDir;
        this.node = Node.start(options);
    }

    /** A delta-variant node with a short compaction interval. */
    public static LocalNode start() {
        return start(Variant.DELTA, Set.of());
    }

    public static LocalNode start(Variant variant, Set<Bug> bugs) {
        return new LocalNode(options(tempDir(), variant, bugs), true);
    }

    /** A node on an existing directory (restart tests); the directory is left in place. */
    public static LocalNode startIn(Path dir, Variant variant) {
        return new LocalNode(options(dir, variant, Set.of()), false);
    }

    public static NodeOptions options(Path dir, Variant variant, Set<Bug> bugs) {
        return NodeOptions.of("n1", "127.0.0.1", 0, dir).withVariant(variant).withBugs(bugs)
                .withCompactionInterval(Duration.ofMillis(200));
    }

    public static Path tempDir() {
        try {
            return Files.createTempDirectory("dkv-node-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return node.port();
    }

    public Path dataDir() {
        return dir;
    }

    public Node node() {
        return node;
    }

    /** A new Jedis client for this node (close it). */
    public Jedis jedis() {
        return new Jedis(new HostAndPort("127.0.0.1", port()), DefaultJedisClientConfig.builder()
                .timeoutMillis(10_000).autoNegotiateProtocol(false).build());
    }

    @Override
    public void close() {
        node.close();
        if (ownsDir) deleteTree(dir);
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
