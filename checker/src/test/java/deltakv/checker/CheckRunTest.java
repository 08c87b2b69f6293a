package deltakv.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `dkv check` behaviour through {@link CheckRun}: verdict line first, exit codes, --out files, bad input. */
class CheckRunTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String workload, Path file, CheckOptions opts) {
        return CheckRun.run(true, workload, file, opts, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path fixture(String name) throws Exception {
        Path p = dir.resolve(name + ".edn");
        try (InputStream in = getClass().getResourceAsStream("/elle/" + name + ".edn")) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    @Test
    void invalidHistoryPrintsVerdictFirstAndWritesFiles() throws Exception {
        Path outDir = dir.resolve("out");
        int rc = run("list-append", fixture("la-g1c"), CheckOptions.defaults().withOutDir(outDir));
        assertEquals(1, rc);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("valid? false\nanomaly-types: G1c\n"), text);
        assertTrue(text.contains("a contradiction!"), text);
        String edn = Files.readString(outDir.resolve("results.edn"));
        assertTrue(edn.startsWith("{:valid? false, :anomaly-types [\"G1c\"]"), edn);
        assertTrue(Files.readString(outDir.resolve("results.json")).contains("\"valid?\" : false"));
        assertTrue(Files.readString(outDir.resolve("elle/G1c.txt")).contains("Let:\n  T1 = "));
    }

    @Test
    void validAndUnknownExitCodes() throws Exception {
        assertEquals(0, run("list-append", fixture("la-valid-serial"), CheckOptions.defaults()));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("valid? true\n"));
        assertEquals(2, run("list-append", fixture("la-empty-graph"), CheckOptions.defaults()));
    }

    @Test
    void badInputGives254WithOneLine() throws Exception {
        Path bad = dir.resolve("bad.edn");
        Files.writeString(bad, "{:type :invoke :process 0 :value [[:append 1 2]]}\n{:type :ok :process 0 :value [[:append 1 2]\n");
        assertEquals(254, run("list-append", bad, CheckOptions.defaults()));
        assertEquals(254, run("list-append", dir.resolve("missing.edn"), CheckOptions.defaults()));
        assertEquals(254, run("no-such-workload", fixture("la-g0"), CheckOptions.defaults()));
        assertEquals(254, run("list-append", fixture("la-g0"), CheckOptions.defaults().withModels(List.of("bogus"))));
        assertEquals(254, run("rw-register", fixture("la-g0"), CheckOptions.defaults()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(5, e.lines().count(), e);
        assertTrue(e.lines().allMatch(l -> l.startsWith("dkv check: ")), e);
        assertFalse(e.contains("Exception"), e);
        assertTrue(out.toString(StandardCharsets.UTF_8).isEmpty());
    }

    @Test
    void timeLimitExceededGivesUnknownNotAHang() throws Exception {
        // A 1e-9 s budget runs out before the first SCC is searched.
        int rc = run("list-append", fixture("la-g2-item"), CheckOptions.defaults().withTimeLimit(1e-9));
        assertEquals(2, rc, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("cycle-search-timeout"));
    }
}
