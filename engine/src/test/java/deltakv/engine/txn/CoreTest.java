package deltakv.engine.txn;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of tests on one {@link CoreFixture} (store, local committer, executor) in a temp folder. */
abstract class CoreTest {
    @TempDir
    Path dir;
    CoreFixture core;

    @BeforeEach
    void openCore() {
        core = new CoreFixture(dir.resolve("db"));
    }

    @AfterEach
    void closeCore() {
        core.close();
    }
}
