package deltakv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dkv gate}'s exit codes and what it names, on results files in the bench's format. */
class GateCommandTest {
    @TempDir
    Path dir;

    /** Five repeats of a reference and one delta-cf point whose ops/s are {@code hot}. */
    private Path file(String name, double... hot) throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int r = 0; r < hot.length; r++) {
            if (r > 0) rows.append(',');
            rows.append(String.format("{\"variant\":\"redis-server\",\"op\":\"rpush\",\"keys\":1,\"clients\":64,\"repeat\":%d,"
                    + "\"ops_per_s\":%.1f,\"reference\":true},", r + 1, 40_000.0 + 100 * r));
            rows.append(String.format("{\"variant\":\"delta-cf\",\"op\":\"rpush\",\"keys\":1,\"clients\":64,\"repeat\":%d,"
                    + "\"ops_per_s\":%.1f}", r + 1, hot[r]));
        }
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"results\":[" + rows + "]}");
        return f;
    }

    private String out;

    private int gate(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 1];
            all[0] = "gate";
            System.arraycopy(args, 0, all, 1, args.length);
            return Main.run(all);
        } finally {
            System.setOut(old);
            out = buf.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void passesFailsNamingThePointOrSaysTooFewSamples() throws Exception {
        Path base = file("base.json", 5000, 5100, 4950, 5050, 4980);
        Path same = file("same.json", 5020, 4990, 5080, 4960, 5030);
        Path slower = file("slower.json", 4000, 4080, 3960, 4040, 3990);
        assertEquals(ExitCodes.OK, gate("--baseline", base.toString(), "--candidate", same.toString()), out);
        assertEquals(ExitCodes.INVALID, gate("--baseline", base.toString(), "--candidate", slower.toString()), out);
        assertTrue(out.contains("REGRESSED") && out.contains("delta-cf rpush keys=1 clients=64"), out);
        assertEquals(ExitCodes.OK, gate("--baseline", base.toString(), "--candidate", slower.toString(),
                "--max-regression", "25%"), "a slowdown within the threshold: " + out);
        Path one = file("one.json", 2500);
        assertEquals(ExitCodes.UNKNOWN, gate("--baseline", base.toString(), "--candidate", one.toString()), out);
        assertTrue(out.contains("too few samples"), out);
    }

    @Test
    void corruptFilesAndBadOptionsAreBadArguments() throws Exception {
        Path base = file("base.json", 5000, 5100, 4950, 5050, 4980);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "not json");
        assertEquals(ExitCodes.BAD_ARGUMENTS, gate("--baseline", base.toString(), "--candidate", bad.toString()));
        assertEquals(ExitCodes.BAD_ARGUMENTS, gate("--baseline", base.toString(), "--candidate", base.toString(),
                "--max-regression", "lots"));
        assertEquals(ExitCodes.BAD_ARGUMENTS, gate("--baseline", base.toString(), "--candidate", base.toString(), "--alpha", "2"));
    }

    @Test
    void aPointTheCandidateCouldNotMeasureIsUnknownNotPassed() throws Exception {
        Path base = file("base.json", 5000, 5100, 4950, 5050, 4980);
        Path failed = dir.resolve("failed.json");
        Files.writeString(failed, """
                {"results":[{"variant":"redis-server","op":"rpush","keys":1,"clients":64,"repeat":1,"ops_per_s":40000.0,"reference":true},
                 {"variant":"delta-cf","repeat":1,"error":"no leader within 120 s"}]}""");
        assertEquals(ExitCodes.UNKNOWN, gate("--baseline", base.toString(), "--candidate", failed.toString()), out);
        assertTrue(out.contains("not measured: delta-cf: no leader within 120 s"), out);
        assertTrue(out.contains("gate: unknown — the candidate could not measure delta-cf rpush keys=1 clients=64"), out);
    }

    @Test
    void tooFewSamplesSaysHowManyRepeatsTheAlphaNeeds() throws Exception {
        Path three = file("three.json", 5000, 5100, 4950);
        Path slower = file("slower.json", 2500, 2550, 2475);
        assertEquals(ExitCodes.UNKNOWN, gate("--baseline", three.toString(), "--candidate", slower.toString(), "--alpha", "0.05"), out);
        assertTrue(out.contains("--repeat 4 or more"), out);
        assertEquals(ExitCodes.UNKNOWN, gate("--baseline", three.toString(), "--candidate", slower.toString(), "--alpha", "0.001"), out);
        assertTrue(out.contains("--repeat 7 or more"), out);
    }
}
