package deltakv.engine.txn;

import static deltakv.engine.txn.CoreFixture.b;
import static deltakv.engine.txn.CoreFixture.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why the snapshot is the applied watermark (DELTA_DESIGN §6): a snapshot taken from the HLC can
 * lie above a commit whose ts is allocated but not yet applied; the transaction then misses that
 * write and OCC cannot notice (the version is below its startTs). Same interleaving, both choices.
 */
class SnapshotChoiceTest {
    @TempDir
    Path dir;

    @Test
    void appliedWatermarkSnapshotKeepsBothIncrements() throws Exception {
        assertEquals("2", racedIncrements(false));
    }

    @Test
    void hlcSnapshotLosesAnUpdate() throws Exception {
        assertEquals("1", racedIncrements(true), "snapshot-from-hlc must lose the in-flight increment");
    }

    /** Increment A is allocated a commit ts but held before apply while increment B runs. */
    private String racedIncrements(boolean snapshotFromHlc) throws Exception {
        try (CoreFixture core = new CoreFixture(dir.resolve("db"))) {
            TxnExecutor b = snapshotFromHlc
                    ? core.executor.withSnapshotSource(() -> Math.max(core.committer.readTimestamp(), core.hlc.now()))
                    : core.executor;
            CompletableFuture<Void> bDone;
            synchronized (core.applier) { // apply is synchronized: A allocates its ts, then waits here
                Thread a = new Thread(() -> increment(core.executor, () -> {}));
                a.start();
                while (a.getState() != Thread.State.BLOCKED) Thread.sleep(1);
                CountDownLatch bRead = new CountDownLatch(1);
                bDone = CompletableFuture.runAsync(() -> increment(b, bRead::countDown));
                assertTrue(bRead.await(10, TimeUnit.SECONDS)); // B has read at its snapshot

            }
            bDone.get(10, TimeUnit.SECONDS);
            return core.get("!str|n");
        }
    }

    private static void increment(TxnExecutor ex, Runnable afterRead) {
        ex.execute(t -> {
            String v = s(t.get(b("!str|n")));
            afterRead.run();
            t.put(b("!str|n"), b(String.valueOf(v == null ? 1 : Integer.parseInt(v) + 1)));
            return null;
        });
    }
}
