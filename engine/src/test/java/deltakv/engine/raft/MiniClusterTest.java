package deltakv.engine.raft;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of tests on an in-process {@link MiniCluster}: a temp folder, and the cluster closed after each test. */
abstract class MiniClusterTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path dir;
    MiniCluster cluster;

    @AfterEach
    void stopCluster() {
        if (cluster != null) cluster.close();
    }
}
