package deltakv.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import deltakv.engine.node.LocalNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real redis-cli and redis-benchmark against a node (CLI.md: `redis-cli -p P RPUSH q a b c` must
 * work). Skipped where the tools are not installed (scripts/install-test-deps.sh installs them).
 */
class RedisToolsTest {
    private static LocalNode node;

    @BeforeAll
    static void start() {
        assumeTrue(onPath("redis-cli") && onPath("redis-benchmark"), "redis-tools not installed");
        node = LocalNode.start();
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
    }

    @Test
    void redisCliRunsDataAndInfoCommands() throws Exception {
        assertEquals("3", run("redis-cli", "-p", port(), "RPUSH", "tools:q", "a", "b", "c").trim());
        assertEquals("a\nb\nc", run("redis-cli", "-p", port(), "LRANGE", "tools:q", "0", "-1").trim());
        String info = run("redis-cli", "-p", port(), "INFO");
        assertTrue(info.contains("redis_version:7.0.0-deltakv"), info);
        assertTrue(run("redis-cli", "-p", port(), "DKV.ROLE").contains("leader"));
    }

    @Test
    void redisBenchmarkPipelinedRunCompletes() throws Exception {
        String out = run("redis-benchmark", "-p", port(), "-q", "-n", "2000", "-c", "4", "-P", "16",
                "-t", "ping,set,get", "-r", "1000");
        assertTrue(out.contains("PING_MBULK") && out.contains("SET") && out.contains("GET"), out);
        assertTrue(!out.contains("ERR"), out);
    }

    private static String port() {
        return String.valueOf(node.port());
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + List.of(cmd));
            String text = new String(out, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), text);
            return text;
        } finally {
            p.destroyForcibly();
        }
    }

    private static boolean onPath(String tool) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        return dirs.stream().anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)));
    }
}
