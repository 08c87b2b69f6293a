package deltakv.engine.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreOpenErrorsTest {
    @TempDir
    Path dir;

    private static void assertOneLine(StorageException e, String mustContain) {
        assertTrue(e.getMessage().contains(mustContain), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void secondOpenOfSameDirectoryIsRefusedAsLocked() {
        Path db = dir.resolve("db");
        try (MvccStore first = MvccStore.open(db)) {
            StorageException e = assertThrows(StorageException.class, () -> MvccStore.open(db));
            assertOneLine(e, "in use");
        }
        MvccStore.open(db).close(); // usable again once released
    }

    @Test
    void foreignNonEmptyDirectoryIsRefused() throws Exception {
        Path foreign = dir.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "hello");
        assertOneLine(assertThrows(StorageException.class, () -> MvccStore.open(foreign)), "not a DeltaKV store");
    }

    @Test
    void regularFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertOneLine(assertThrows(StorageException.class, () -> MvccStore.open(file)), "not a directory");
    }

    @Test
    void corruptStoreIsRefused() throws Exception {
        Path db = dir.resolve("db");
        MvccStore.open(db).close();
        Files.writeString(db.resolve("CURRENT"), "garbage-without-newline");
        assertOneLine(assertThrows(StorageException.class, () -> MvccStore.open(db)), "corrupt");
        Files.delete(db.resolve("CURRENT"));
        assertOneLine(assertThrows(StorageException.class, () -> MvccStore.open(db)), "corrupt");
    }

    @Test
    void closedStoreThrowsInsteadOfCrashing() {
        MvccStore s = MvccStore.open(dir.resolve("db"));
        s.close();
        s.close();
        assertThrows(StorageException.class, () -> s.get(new byte[] {1}, 1));
    }
}
