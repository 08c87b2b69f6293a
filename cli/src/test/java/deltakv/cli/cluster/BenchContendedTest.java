package deltakv.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import deltakv.cli.ExitCodes;
import deltakv.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dkv bench contended} end to end on a real 3-node delta-cf cluster and a real redis-server:
 * producers and consumers on one hot list, the reference row first, ratios, zero conflicts, a passing end
 * check, the chart, and the cluster gone afterwards; then {@code dkv gate} on the result says one repeat
 * is too few samples.
 */
class BenchContendedTest {
    @TempDir
    Path dir;

    @Test
    void measuresProducersAndConsumersOnOneHotListNextToTheReference() throws Exception {
        Path out = dir.resolve("bench.json");
        int code = Main.run("bench", "contended", "--variants", "delta-cf", "--op", "rpush-lpop", "--clients", "4",
                "--keys", "1", "--duration", "1", "--warmup", "0.5", "--settle", "2", "--dir", dir.resolve("clusters").toString(),
                "--base-port", String.valueOf(ProcessCluster.freeBase(3)), "--out", out.toString());
        assertEquals(ExitCodes.OK, code);

        JsonNode doc = new ObjectMapper().readTree(out.toFile());
        assertTrue(doc.get("command").asText().startsWith("dkv bench contended"), doc.toString());
        assertTrue(doc.get("command").asText().contains("--settle 2.0"), doc.toString());
        JsonNode rows = doc.get("results");
        assertEquals(2, rows.size(), rows.toString());
        JsonNode ref = rows.get(0);
        assertEquals("redis-server", ref.get("variant").asText());
        assertTrue(ref.get("reference").asBoolean());
        JsonNode cf = rows.get(1);
        assertEquals("delta-cf", cf.get("variant").asText());
        for (JsonNode r : rows) {
            assertEquals("rpush-lpop", r.get("op").asText());
            assertTrue(r.get("ops").asLong() > 0, r.toString());
            assertEquals(0, r.get("errors").asLong(), r.toString());
            assertTrue(r.get("end_ok").asBoolean(), r.toString());
            assertEquals(0, r.get("end").get("lost").asLong(), r.toString());
            assertTrue(r.get("end").get("popped").asLong() > 0, r.toString());
            // the servers' CPU over the point: 3 node JVMs, or the one redis-server
            assertTrue(r.get("server_cpu_us_per_op").asDouble() > 0, r.toString());
        }
        assertTrue(cf.get("server_cpu_us_per_op").asDouble() > ref.get("server_cpu_us_per_op").asDouble(),
                "three replicating JVMs spend more per op than one redis-server: " + rows);
        assertEquals(0.0, cf.get("conflicts_per_op").asDouble(), "delta-cf: producers and consumers never conflict");
        // the nodes' JIT during the point, from DKV.STATS: fresh JVMs are still compiling
        assertTrue(cf.get("jit_cores").asDouble() > 0, cf.toString());
        assertTrue(cf.get("ratio_to_reference").asDouble() > 0, cf.toString());
        assertTrue(Files.size(dir.resolve("bench.png")) > 1000, "the chart");
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("")
                .contains(dir.resolve("clusters").toString())), "bench nodes stopped");

        assertEquals(ExitCodes.UNKNOWN, Main.run("gate", "--baseline", out.toString(), "--candidate", out.toString()),
                "one repeat: too few samples to say");
    }

    /** New hash fields and increments on one hot key: read back by the end check; delta-cf's INCRs never conflict. */
    @Test
    void measuresHashWritersAndCountersWithTheirEndChecks() throws Exception {
        Path out = dir.resolve("collections.json");
        int code = Main.run("bench", "contended", "--variants", "delta-cf", "--op", "hset,incr", "--clients", "4",
                "--keys", "1", "--duration", "1", "--warmup", "0.5", "--settle", "0", "--reference", "none", "--dir",
                dir.resolve("clusters").toString(), "--base-port", String.valueOf(ProcessCluster.freeBase(3)), "--out",
                out.toString());
        assertEquals(ExitCodes.OK, code);
        JsonNode rows = new ObjectMapper().readTree(out.toFile()).get("results");
        assertEquals(2, rows.size(), rows.toString());
        for (JsonNode r : rows) {
            assertTrue(r.get("ops").asLong() > 0, r.toString());
            assertTrue(r.get("end_ok").asBoolean(), r.toString());
            assertEquals(0, r.get("end").get("lost").asLong(), r.toString());
            assertTrue(r.get("end").get("remaining").asLong() >= r.get("end").get("acknowledged").asLong(), r.toString());
        }
        assertEquals("incr", rows.get(1).get("op").asText());
        assertEquals(0.0, rows.get(1).get("conflicts_per_op").asDouble(), "delta-cf: increments are decided at apply time");
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingStarts() {
        assertEquals(ExitCodes.BAD_ARGUMENTS, Main.run("bench", "contended", "--reference", "memcached",
                "--dir", dir.toString(), "--out", dir.resolve("x.json").toString()));
        assertEquals(ExitCodes.BAD_ARGUMENTS, Main.run("bench", "contended", "--op", "blpop", "--out", dir.resolve("x.json").toString()));
        assertEquals(ExitCodes.BAD_ARGUMENTS, Main.run("bench", "contended", "--op", "rpush-lpop", "--clients", "1",
                "--out", dir.resolve("x.json").toString()));
        assertEquals(ExitCodes.BAD_ARGUMENTS, Main.run("bench", "contended", "--settle", "-1", "--out", dir.resolve("x.json").toString()));
        // refused before the reference phase, not minutes later by the cluster
        assertEquals(ExitCodes.BAD_ARGUMENTS, Main.run("bench", "contended", "--nodes", "10", "--out", dir.resolve("x.json").toString()));
        assertEquals(ExitCodes.BAD_ARGUMENTS, Main.run("bench", "contended", "--base-port", "65000", "--out", dir.resolve("x.json").toString()));
    }
}
