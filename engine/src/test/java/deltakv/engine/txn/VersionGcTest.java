package deltakv.engine.txn;

import static deltakv.engine.txn.CoreFixture.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionGcTest {
    @TempDir
    Path dir;

    @Test
    void gcNeverCollectsWhatAnActiveSnapshotReads() throws Exception {
        try (CoreFixture core = new CoreFixture(dir.resolve("db"));
             VersionGc gc = new VersionGc(core.store, core.snapshots, 0)) {
            core.put("k", "v0");
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> old = CompletableFuture.supplyAsync(() -> core.executor.execute(t -> {
                started.countDown();
                await(release);
                return CoreFixture.s(t.get(b("k")));
            }));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            for (int i = 1; i <= 20; i++) core.put("k", "v" + i);
            gc.runOnce();
            assertEquals(0, gc.stats().deletedVersions(), "the old snapshot pins v0 and everything above it");
            release.countDown();
            assertEquals("v0", old.get(10, TimeUnit.SECONDS));
            assertEquals(20, gc.runOnce());
            assertEquals("v20", core.get("k"));
        }
    }

    @Test
    void aPinnedSnapshotKeepsTombstonesForWatch() {
        try (CoreFixture core = new CoreFixture(dir.resolve("db"));
             VersionGc gc = new VersionGc(core.store, core.snapshots, 0)) {
            core.put("k", "v");
            SnapshotRegistry.Snapshot watch = core.executor.pinSnapshot();
            core.executor.execute(t -> {
                t.delete(b("k"));
                return null;
            });
            long deletedAt = core.applier.lastAppliedTs();
            core.put("other", "x"); // moves the watermark past the delete
            gc.runOnce();
            assertEquals(deletedAt, core.store.latestCommitTs(b("k")), "the delete stays visible to the watcher");
            watch.close();
            gc.runOnce();
            assertEquals(0, core.store.latestCommitTs(b("k")), "unpinned: the tombstone is collected");
        }
    }

    @Test
    void retentionWindowKeepsRecentVersionsAndTheTimerRuns() throws Exception {
        try (CoreFixture core = new CoreFixture(dir.resolve("db"));
             VersionGc gc = new VersionGc(core.store, core.snapshots, VersionGc.DEFAULT_RETENTION)) {
            for (int i = 0; i < 5; i++) core.put("k", "v" + i);
            assertEquals(0, gc.runOnce(), "all versions are younger than 5 s");
            core.clock.setOffsetMillis(10_000);
            core.put("k", "late");
            gc.start(Duration.ofMillis(20));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (gc.stats().deletedVersions() < 4 && System.nanoTime() < deadline) Thread.sleep(10);
            // v0..v3 go; v4 stays: it is what a reader at the horizon (late - 5 s) sees
            assertEquals(4, gc.stats().deletedVersions());
            assertEquals("late", core.get("k"));
        }
    }

    static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            throw new RuntimeException(e);
        }
    }
}
