package deltakv.engine.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of tests on one real RocksDB store in a temp folder: {@code store} is open during each test. */
public abstract class TempStoreTest {
    @TempDir
    protected Path dir;
    protected MvccStore store;

    @BeforeEach
    void openStore() {
        store = MvccStore.open(dir.resolve("db"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
