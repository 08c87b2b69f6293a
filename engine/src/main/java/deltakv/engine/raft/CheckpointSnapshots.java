package deltakv.engine.raft;

import deltakv.engine.storage.MvccStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.SnapshotRetentionPolicy;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.impl.FileListSnapshotInfo;

/**
 * Snapshots as RocksDB checkpoints (hard-linked SST files, so taking one is cheap). Ratis purges the
 * log up to the latest snapshot; a follower that falls behind the purged log receives the snapshot
 * folder and {@link #restoreIfNeeded()} copies it into the live store.
 */
public final class CheckpointSnapshots implements SnapshotSupport, StateMachineStorage {
    private final MvccStore store;
    private volatile Path smDir;
    private volatile FileListSnapshotInfo latest;

    public CheckpointSnapshots(MvccStore store) {
        this.store = store;
    }

    @Override
    public void init(RaftStorage storage) throws IOException {
        smDir = storage.getStorageDir().getStateMachineDir().toPath();
        Files.createDirectories(smDir);
        refresh();
    }

    @Override
    public StateMachineStorage storage() {
        return this;
    }

    @Override
    public synchronized long take(TermIndex applied) throws IOException {
        if (applied == null || applied.getIndex() < 0) return RaftLog.INVALID_LOG_INDEX;
        if (latest != null && latest.getIndex() >= applied.getIndex()) return latest.getIndex();
        Path target = SnapshotDirs.dirFor(smDir, applied);
        Path tmp = smDir.resolve(".taking-" + target.getFileName());
        SnapshotDirs.deleteTree(tmp);
        long appliedTs = store.lastAppliedTs();
        store.checkpoint(tmp);
        SnapshotDirs.writeMeta(tmp, appliedTs);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        refresh();
        cleanupOldSnapshots(null);
        return applied.getIndex();
    }

    @Override
    public synchronized TermIndex restoreIfNeeded() throws IOException {
        refresh();
        if (latest == null) return null;
        Path dir = SnapshotDirs.dirFor(smDir, latest.getTermIndex());
        long snapTs = SnapshotDirs.appliedTs(dir);
        if (store.lastAppliedTs() < snapTs) CheckpointIngest.ingest(dir, snapTs, store);
        return latest.getTermIndex();
    }

    private void refresh() throws IOException {
        Optional<FileListSnapshotInfo> l = SnapshotDirs.latest(smDir);
        latest = l.orElse(null);
    }

    @Override
    public SnapshotInfo getLatestSnapshot() {
        return latest;
    }

    @Override
    public void format() {
        // nothing to format: snapshot folders are created on demand
    }

    /** Keeps only the latest snapshot: one is enough to catch a follower up, and each pins SST files. */
    @Override
    public synchronized void cleanupOldSnapshots(SnapshotRetentionPolicy policy) throws IOException {
        FileListSnapshotInfo keep = latest;
        if (keep == null) return;
        for (Path p : SnapshotDirs.all(smDir)) {
            if (SnapshotDirs.index(p) < keep.getIndex()) SnapshotDirs.deleteTree(p);
        }
    }
}
