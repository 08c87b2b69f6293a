package deltakv.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import deltakv.engine.it.CommandScript;
import deltakv.engine.it.Differential;
import deltakv.engine.it.RespConnection;
import deltakv.nemesis.cluster.RedisServerProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The differential test against a real three-node cluster of each variant, as {@code redis-cli} meets it
 * after {@code dkv cluster start}: the seeded script of every command type (errors, type changes,
 * MULTI/EXEC, WATCH) goes to a follower, so every write is relayed to the leader and replicated through
 * Raft (delta-cf's apply-time pushes, pops and increments included), and must answer as redis-server does.
 */
class ClusterDifferentialTest {
    private static final int STEPS = 600;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"rmw", "delta", "delta-cf"})
    void aFollowerAnswersAsRedisServerDoes(String variant) throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start();
             ProcessCluster c = ProcessCluster.start(dir, 3, false, variant, List.of(), List.of())) {
            String follower = c.layout.ids().stream().filter(id -> {
                try {
                    return !id.equals(c.leader());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).findFirst().orElseThrow();
            try (RespConnection expected = new RespConnection("127.0.0.1", redis.port());
                 RespConnection actual = new RespConnection("127.0.0.1", c.layout.redisPort(follower))) {
                assertEquals("+OK", expected.call("FLUSHALL"));
                String problem = Differential.compare(expected, actual, new CommandScript(7).generate(STEPS),
                        "deltakv(" + variant + ", follower " + follower + ")");
                if (problem != null) fail(problem);
            }
        }
    }
}
