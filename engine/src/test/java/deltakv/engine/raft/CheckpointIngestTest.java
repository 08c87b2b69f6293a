package deltakv.engine.raft;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import deltakv.engine.clock.Hlc;
import deltakv.engine.storage.MvccStore;
import deltakv.engine.storage.StoreBatch;
import deltakv.engine.txn.VersionGc;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that was away while the leader deleted a key, and whose snapshot install comes after the leader's version
 * GC dropped that key altogether, must not keep the old value: the checkpoint has no version of the key at all.
 */
class CheckpointIngestTest {
    @TempDir
    Path dir;

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    private static void write(MvccStore s, long ts, String key, String value) {
        try (StoreBatch batch = s.newBatch()) {
            if (value == null) batch.delete(b(key), ts);
            else batch.put(b(key), ts, b(value));
            s.commit(batch, ts);
        }
    }

    @Test
    void aKeyTheLeaderDeletedAndCollectedDoesNotComeBackOnInstall() throws Exception {
        long sec = Hlc.of(1000, 0);
        long t = Hlc.of(1_000_000, 0);
        try (MvccStore leader = MvccStore.open(dir.resolve("leader")); MvccStore away = MvccStore.open(dir.resolve("away"))) {
            for (MvccStore s : new MvccStore[] {leader, away}) {
                write(s, t, "k", "old");
                write(s, t + sec, "kept", "v1");
            }
            // the away node misses the rest
            write(leader, t + 2 * sec, "k", null); // DEL
            write(leader, t + 3 * sec, "kept", "v2");
            write(leader, t + 9 * sec, "other", "x");
            leader.gc(leader.lastAppliedTs() - VersionGc.DEFAULT_RETENTION);
            assertEquals(0, leader.latestCommitTs(b("k")), "the leader's GC dropped the deleted key altogether");
            Path snapshot = dir.resolve("snapshot");
            leader.checkpoint(snapshot);
            long snapshotTs = leader.lastAppliedTs();

            CheckpointIngest.ingest(snapshot, snapshotTs, away);

            assertNull(away.get(b("k"), snapshotTs), "the deleted key stays deleted");
            assertNull(away.get(b("k"), Long.MAX_VALUE));
            assertFalse(away.changedAfter(b("k"), snapshotTs - VersionGc.DEFAULT_RETENTION),
                    "no version above the oldest snapshot the apply function accepts: no conflict the leader would not see");
            assertArrayEquals(b("v2"), away.get(b("kept"), snapshotTs));
            assertArrayEquals(b("x"), away.get(b("other"), snapshotTs));
            assertEquals(snapshotTs, away.lastAppliedTs());
        }
    }
}
