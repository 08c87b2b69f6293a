package deltakv.engine.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers filling the version cache while a writer commits: a reader at the applied watermark must
 * see the newest version at or below it, and once writing stops the cache must hold the last write
 * (a fill from a seek that raced a write must never stick).
 */
class CacheRaceTest {
    @TempDir
    Path dir;

    @Test
    void readersRacingWritesNeverCacheAStaleVersion() throws Exception {
        byte[][] keys = {{'a'}, {'b'}, {'c'}};
        // a cache smaller than the key set is cleared all the time, so readers keep filling it
        try (MvccStore store = MvccStore.open(dir.resolve("db"), 1 << 10, 2)) {
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<String> failure = new AtomicReference<>();
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Thread r = new Thread(() -> {
                    while (!done.get() && failure.get() == null) {
                        long at = store.lastAppliedTs();
                        for (byte[] k : keys) {
                            byte[] v = store.get(k, at);
                            // every commit writes all keys with value = its ts, so at the watermark
                            // the visible version is exactly the watermark's commit
                            if (at > 0 && (v == null || Longs.fromBytes(v) != at)) {
                                failure.set("at " + at + " read " + (v == null ? null : Longs.fromBytes(v)));
                            }
                            if (store.latestCommitTs(k) < at) failure.set("latestCommitTs below the watermark " + at);
                        }
                    }
                });
                r.start();
                readers.add(r);
            }
            for (long ts = 1; ts <= 10_000; ts++) {
                List<VersionedWrite> ws = new ArrayList<>();
                for (byte[] k : keys) ws.add(new VersionedWrite.Put(k, Longs.toBytes(ts)));
                store.write(ts, ws);
            }
            done.set(true);
            for (Thread r : readers) r.join(10_000);
            assertEquals(null, failure.get());
            for (byte[] k : keys) {
                assertEquals(10_000, store.latestCommitTs(k));
                assertArrayEquals(Longs.toBytes(10_000), store.get(k, Long.MAX_VALUE));
            }
            assertTrue(store.lastAppliedTs() == 10_000);
        }
    }
}
