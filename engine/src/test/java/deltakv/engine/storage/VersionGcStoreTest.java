package deltakv.engine.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionGcStoreTest {
    @TempDir
    Path dir;

    static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void gcKeepsWhatSnapshotsAtOrAboveSafeTsCanSee() {
        try (MvccStore s = MvccStore.open(dir.resolve("db"))) {
            s.write(10, List.of(new VersionedWrite.Put(b("k"), b("10")), new VersionedWrite.Put(b("gone"), b("x"))));
            s.write(20, List.of(new VersionedWrite.Put(b("k"), b("20"))));
            s.write(30, List.of(new VersionedWrite.Delete(b("gone"))));
            s.write(60, List.of(new VersionedWrite.Put(b("k"), b("60"))));
            // k@10 is shadowed by k@20; gone's tombstone@30 hides nothing at >= 50, so it and gone@10 go
            assertEquals(3, s.gc(50));
            assertArrayEquals(b("20"), s.get(b("k"), 50));
            assertArrayEquals(b("60"), s.get(b("k"), 60));
            assertNull(s.get(b("gone"), 50));
            assertEquals(0, s.latestCommitTs(b("gone")));
            assertEquals(1, s.gc(100)); // k@20
            assertArrayEquals(b("60"), s.get(b("k"), 100));
            assertEquals(0, s.gc(100));
        }
    }

    @Test
    void hotKeyWithManyCollectedVersionsStillReadsCorrectlyBothWaysAndAfterFlush() {
        try (MvccStore s = MvccStore.open(dir.resolve("db"))) {
            s.write(1, List.of(new VersionedWrite.Put(b("a"), b("a")), new VersionedWrite.Put(b("z"), b("z"))));
            for (long ts = 2; ts <= 500; ts++) s.write(ts, List.of(new VersionedWrite.Put(b("hot"), b("v" + ts))));
            assertEquals(497, s.gc(499)); // range deletion of hot@2..hot@498
            for (int round = 0; round < 2; round++) {
                assertEquals(List.of("a", "hot", "z"), MvccStoreTest.keys(s.scan(b("a"), null, 500, 10, false)));
                assertEquals(List.of("z", "hot", "a"), MvccStoreTest.keys(s.scan(b("a"), null, 500, 10, true)));
                assertArrayEquals(b("v499"), s.get(b("hot"), 499));
                assertArrayEquals(b("v499"), s.scan(b("hot"), b("hot\0"), 499, 1, true).get(0).value());
                assertNull(s.get(b("hot"), 498), "collected: below safeTs nobody may read");
                s.flush();
            }
        }
    }

    @Test
    void boundedStepsResumeWhereTheyStopped() {
        try (MvccStore s = MvccStore.open(dir.resolve("db"))) {
            for (int ts = 1; ts <= 3; ts++) {
                for (int k = 0; k < 50; k++) s.write(ts * 100L + k, List.of(new VersionedWrite.Put(b("key" + k), b("v" + ts))));
            }
            long deleted = 0;
            int steps = 0;
            byte[] cursor = null;
            do {
                GcStep step = s.gcStep(cursor, 1000, 7);
                deleted += step.deleted();
                cursor = step.resumeAt();
                steps++;
            } while (cursor != null);
            assertEquals(100, deleted);
            assertEquals(8, steps);
            for (int k = 0; k < 50; k++) assertArrayEquals(b("v3"), s.get(b("key" + k), 1000));
        }
    }
}
