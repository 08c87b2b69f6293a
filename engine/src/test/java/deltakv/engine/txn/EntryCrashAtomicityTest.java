package deltakv.engine.txn;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.engine.storage.MvccStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL while a process applies log entries: after reopening, an entry's groups are either all in
 * the store with the applied index covering it, or none of them are (Raft replays the entry then).
 * A half-applied entry beyond the recorded index is what one write per entry rules out; with one
 * write per group most kills land inside an entry, and three rounds catch that nearly always.
 */
class EntryCrashAtomicityTest {
    @TempDir
    Path dir;

    @Test
    void killNineLeavesWholeEntriesOnly() throws Exception {
        Path db = dir.resolve("db");
        long index = 0;
        for (int round = 1; round <= 3; round++) {
            long acked = runAndKill(db, index + 500, dir.resolve("out" + round));
            try (MvccStore store = MvccStore.open(db)) {
                index = new StateMachineApplier(store).appliedIndex();
                assertTrue(index >= acked, "index " + index + " < acknowledged " + acked);
                for (long i = 1; i <= index + 100; i++) {
                    for (int j = 0; j < EntryCrashWriter.GROUPS; j++) {
                        boolean present = store.get(EntryCrashWriter.key(i, j), Long.MAX_VALUE) != null;
                        assertEquals(i <= index, present, "round " + round + ": entry " + i + " group " + j
                                + " with applied index " + index);
                    }
                }
            }
        }
    }

    /** Starts the writer, waits until it acknowledged {@code until}, lets it run on briefly, kills it. */
    private static long runAndKill(Path db, long until, Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // output to a file, not a pipe: a full pipe would park the child between entries
        // its own temp dir, deleted with the test's: RocksDB extracts its 17 MB library there, and a SIGKILLed
        // JVM never deletes it
        Path tmp = Files.createDirectories(db.resolveSibling("jvm-tmp"));
        Process p = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                EntryCrashWriter.class.getName(), db.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        long acked = 0;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acked < until && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                acked = lastNumber(Files.readAllLines(out, UTF_8));
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 40));
        } finally {
            p.destroyForcibly(); // SIGKILL, while the child keeps applying
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(acked >= until, "the child kept applying entries: " + Files.readString(out, UTF_8).lines().limit(5).toList());
        return acked;
    }

    private static long lastNumber(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String s = lines.get(i).trim();
            if (s.matches("\\d+")) return Long.parseLong(s);
        }
        return 0;
    }
}
