package deltakv.engine.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acknowledged writes survive SIGKILL of the writing process (RocksDB WAL, no fsync needed). */
class KillNineDurabilityTest {
    @TempDir
    Path dir;

    @Test
    void acknowledgedWritesSurviveKillNine() throws Exception {
        Path db = dir.resolve("db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // its own temp dir, deleted with the test's: RocksDB extracts its 17 MB library there, and a SIGKILLed
        // JVM never deletes it
        Path tmp = Files.createDirectories(dir.resolve("jvm-tmp"));
        Process p = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), db.toString()).redirectErrorStream(true).start();
        long acked = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8))) {
            for (String line; acked < 2000 && (line = out.readLine()) != null; ) acked = Long.parseLong(line.trim());
        } finally {
            p.destroyForcibly(); // SIGKILL
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(2000, acked, "the child kept acknowledging writes");
        try (MvccStore store = MvccStore.open(db)) {
            long applied = store.lastAppliedTs();
            assertTrue(applied >= acked, "applied " + applied + " < acknowledged " + acked);
            assertEquals(Long.toString(applied), new String(store.get("last".getBytes(UTF_8), applied), UTF_8));
            assertEquals(Long.toString(acked), new String(store.get("last".getBytes(UTF_8), acked), UTF_8));
        }
    }
}
