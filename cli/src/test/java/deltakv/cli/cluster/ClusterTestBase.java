package deltakv.cli.cluster;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every real-process cluster test shares: a temp folder, the cluster (stopped by PID after each
 * test, also on failure) and a retry for "until the cluster can serve again".
 */
abstract class ClusterTestBase {
    @TempDir
    Path dir;
    ProcessCluster c;

    @AfterEach
    void stopCluster() {
        if (c != null) c.close();
    }

    /** Runs {@code action} until it stops throwing (TRYAGAIN, no leader yet, …) or {@link ProcessCluster#WAIT} ends. */
    static <T> T eventually(Callable<T> action) throws Exception {
        long deadline = System.nanoTime() + ProcessCluster.WAIT.toNanos();
        while (true) {
            try {
                return action.call();
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) throw notYet;
                Thread.sleep(50);
            }
        }
    }
}
