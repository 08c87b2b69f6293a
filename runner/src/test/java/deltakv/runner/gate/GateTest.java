package deltakv.runner.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate over results files written as {@code dkv bench contended} writes them: the same numbers pass,
 * a 20% slowdown of one point fails naming it, a machine twice as fast (reference included) passes, and
 * one repeat is too few samples to say anything.
 */
class GateTest {
    @TempDir
    Path dir;

    private static final Point HOT = new Point("delta-cf", "rpush", 1, 64);
    private static final Point WIDE = new Point("rmw", "rpush", 64, 64);

    /** A results file: {@code repeats} repeats of a reference and two points, ±3% noise; {@code slow} scales HOT. */
    private Path file(String name, int repeats, double machine, double slow, long seed) throws Exception {
        Random rnd = new Random(seed);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            for (int keys : new int[] {1, 64}) {
                rows.add(row("redis-server", keys, r, machine * 40_000 * noise(rnd), true));
            }
            rows.add(row(HOT.variant(), 1, r, machine * 5_000 * slow * noise(rnd), false));
            rows.add(row(WIDE.variant(), 64, r, machine * 5_600 * noise(rnd), false));
        }
        Path f = dir.resolve(name);
        new ObjectMapper().writeValue(f.toFile(), Map.of("benchmark", "contended", "results", rows));
        return f;
    }

    private static double noise(Random rnd) {
        return 1 + (rnd.nextDouble() - 0.5) * 0.06;
    }

    private static Map<String, Object> row(String variant, int keys, int repeat, double opsPerS, boolean reference) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variant", variant);
        m.put("op", "rpush");
        m.put("keys", keys);
        m.put("clients", 64);
        m.put("repeat", repeat);
        m.put("ops_per_s", opsPerS);
        if (reference) m.put("reference", true);
        return m;
    }

    private final Gate gate = new Gate(0.05, 0.01);

    @Test
    void theSameBuildTwicePasses() throws Exception {
        List<PointResult> rs = gate.compare(BenchFile.read(file("a.json", 5, 1, 1, 1)), BenchFile.read(file("b.json", 5, 1, 1, 2)));
        assertEquals(2, rs.size());
        assertEquals(Verdict.PASS, Gate.overall(rs), rs.toString());
        Path same = file("c.json", 5, 1, 1, 3);
        assertEquals(Verdict.PASS, Gate.overall(gate.compare(BenchFile.read(same), BenchFile.read(same))), "identical samples");
    }

    @Test
    void aTwentyPercentSlowdownOfOnePointFailsThatPoint() throws Exception {
        List<PointResult> rs = gate.compare(BenchFile.read(file("a.json", 5, 1, 1, 1)), BenchFile.read(file("b.json", 5, 1, 0.8, 2)));
        assertEquals(Verdict.REGRESSED, Gate.overall(rs));
        for (PointResult r : rs) assertEquals(r.point().equals(HOT) ? Verdict.REGRESSED : Verdict.PASS, r.verdict(), r.toString());
        PointResult hot = rs.stream().filter(r -> r.point().equals(HOT)).findFirst().orElseThrow();
        assertTrue(hot.change() < -0.15 && hot.pValue() < 0.01, hot.toString());
    }

    @Test
    void aFasterMachineIsNotASlowerBuild() throws Exception {
        // the reference rows move with the machine: ratios stay put
        List<PointResult> rs = gate.compare(BenchFile.read(file("a.json", 5, 2, 1, 1)), BenchFile.read(file("b.json", 5, 1, 1, 2)));
        assertEquals(Verdict.PASS, Gate.overall(rs), rs.toString());
    }

    @Test
    void oneRepeatIsTooFewSamples() throws Exception {
        List<PointResult> rs = gate.compare(BenchFile.read(file("a.json", 1, 1, 1, 1)), BenchFile.read(file("b.json", 1, 1, 0.5, 2)));
        assertEquals(Verdict.TOO_FEW_SAMPLES, Gate.overall(rs), "even a halving cannot be significant with 1 sample each");
        assertTrue(rs.get(0).minP() > 0.01);
    }

    @Test
    void readsTheOlderClusterBenchFormat() throws Exception {
        Path old = dir.resolve("old.json");
        Files.writeString(old, """
                {"benchmark":"rpush","results":[
                 {"variant":"redis-server","keys":1,"clients":64,"rpush_per_s":40000.0,"reference":true},
                 {"variant":"rmw","keys":1,"clients":64,"rpush_per_s":200.0},
                 {"variant":"delta-cf","error":"not implemented"}]}""");
        BenchFile f = BenchFile.read(old);
        assertTrue(f.relative());
        assertEquals(List.of(0.005), f.samples().get(new Point("rmw", "rpush", 1, 64)));
        assertFalse(f.samples().containsKey(new Point("delta-cf", "rpush", 0, 0)));
    }

    @Test
    void aCorruptOrMissingFileIsAOneLineError() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"results\": [ {\"variant\": ");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchFile.read(bad));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        Files.writeString(bad, "[1, 2]");
        assertThrows(IllegalArgumentException.class, () -> BenchFile.read(bad));
        assertThrows(IllegalArgumentException.class, () -> BenchFile.read(dir.resolve("missing.json")));
    }

    @Test
    void aSmallestPossiblePEqualToAlphaIsTooFewSamples() throws Exception {
        // 3 against 3: a complete separation gives p = 1/20 = 0.05, never below an alpha of 0.05
        Gate at5 = new Gate(0.05, 0.05);
        List<PointResult> rs = at5.compare(BenchFile.read(file("a.json", 3, 1, 1, 1)), BenchFile.read(file("b.json", 3, 1, 0.5, 2)));
        PointResult hot = rs.stream().filter(r -> r.point().equals(HOT)).findFirst().orElseThrow();
        assertEquals(0.05, hot.minP(), 1e-12);
        assertEquals(Verdict.TOO_FEW_SAMPLES, hot.verdict(), "a halving that no p-value can flag at this alpha: " + hot);
        assertEquals(5, Gate.repeatsNeeded(0.01));
        assertEquals(4, Gate.repeatsNeeded(0.05));
        assertEquals(7, Gate.repeatsNeeded(0.001));
    }

    @Test
    void aPointTheCandidateFailedToMeasureIsNotMeasuredAndOneItNeverAskedForIsLeftOut() throws Exception {
        Path base = file("a.json", 5, 1, 1, 1);
        // the candidate's delta-cf cluster elected no leader: its points are error rows
        Map<String, Object> doc = new ObjectMapper().readValue(file("b.json", 5, 1, 1, 2).toFile(), Map.class);
        @SuppressWarnings("unchecked") List<Map<String, Object>> rows = (List<Map<String, Object>>) doc.get("results");
        rows.removeIf(r -> HOT.variant().equals(r.get("variant")));
        rows.add(Map.of("variant", HOT.variant(), "repeat", 1, "error", "no leader within 120 s"));
        Path failed = dir.resolve("failed.json");
        new ObjectMapper().writeValue(failed.toFile(), doc);
        List<PointResult> rs = gate.compare(BenchFile.read(base), BenchFile.read(failed));
        assertEquals(Verdict.NOT_MEASURED, Gate.overall(rs), rs.toString());
        assertEquals(Verdict.NOT_MEASURED, rs.stream().filter(r -> r.point().equals(HOT)).findFirst().orElseThrow().verdict());
        assertTrue(Gate.failure(BenchFile.read(failed), HOT).contains("no leader"));

        // the same file without the error row: a candidate run with other --variants, compared on what it has
        rows.removeIf(r -> r.containsKey("error"));
        Path fewer = dir.resolve("fewer.json");
        new ObjectMapper().writeValue(fewer.toFile(), doc);
        rs = gate.compare(BenchFile.read(base), BenchFile.read(fewer));
        assertEquals(List.of(WIDE), rs.stream().map(PointResult::point).toList());
        assertEquals(Verdict.PASS, Gate.overall(rs));
        assertEquals(List.of(HOT), Gate.onlyIn(BenchFile.read(base), BenchFile.read(fewer)));

        // no redis-server on the candidate's machine: no point of it compares
        rows.removeIf(r -> Boolean.TRUE.equals(r.get("reference")));
        rows.add(Map.of("variant", "redis-server", "reference", true, "repeat", 1, "error", "redis-server not found on PATH"));
        Path noRef = dir.resolve("noref.json");
        new ObjectMapper().writeValue(noRef.toFile(), doc);
        BenchFile nr = BenchFile.read(noRef);
        assertTrue(nr.relative(), "a reference it tried to measure: still a file of ratios, with none");
        rs = gate.compare(BenchFile.read(base), nr);
        assertEquals(Verdict.NOT_MEASURED, Gate.overall(rs), rs.toString());
    }
}
