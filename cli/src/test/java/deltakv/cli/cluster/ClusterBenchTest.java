package deltakv.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import deltakv.cli.ExitCodes;
import deltakv.cli.Main;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dkv cluster bench} end to end on a real 3-node cluster and a real redis-server: every point
 * is recorded with its load, the reference row comes first, and the cluster is gone afterwards.
 */
class ClusterBenchTest {
    @TempDir
    Path dir;

    @Test
    void recordsTheReferenceAndTheClusterPoints() throws Exception {
        Path out = dir.resolve("bench.json");
        int code = Main.run("cluster", "bench", "--variants", "rmw", "--clients", "2", "--keys", "2",
                "--duration", "1", "--warmup", "0.5", "--dir", dir.resolve("clusters").toString(),
                "--base-port", String.valueOf(ProcessCluster.freeBase(3)), "--out", out.toString());
        assertEquals(ExitCodes.OK, code);

        JsonNode doc = new ObjectMapper().readTree(out.toFile());
        assertTrue(doc.get("cpus").asInt() > 0, doc.toString());
        JsonNode rows = doc.get("results");
        assertEquals(2, rows.size(), rows.toString());
        JsonNode ref = rows.get(0);
        assertEquals("redis-server", ref.get("variant").asText());
        assertTrue(ref.get("reference").asBoolean());
        JsonNode rmw = rows.get(1);
        assertEquals("rmw", rmw.get("variant").asText());
        for (JsonNode r : rows) {
            assertTrue(r.get("ops").asLong() > 0, r.toString());
            assertEquals(0, r.get("errors").asLong(), r.toString());
            assertEquals(2, r.get("clients").asInt());
        }
        assertTrue(rmw.get("groups_per_entry").asDouble() >= 1, rmw.toString());
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("")
                .contains(dir.resolve("clusters").toString())), "bench nodes stopped");
    }

    @Test
    void badReferenceIsABadArgument() {
        assertEquals(ExitCodes.BAD_ARGUMENTS, Main.run("cluster", "bench", "--reference", "memcached",
                "--dir", dir.toString(), "--out", dir.resolve("x.json").toString()));
    }
}
