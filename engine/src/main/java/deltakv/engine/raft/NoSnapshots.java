package deltakv.engine.raft;

import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;

/** No snapshots: the whole log is kept and replayed (apply is idempotent by commit ts). */
public final class NoSnapshots implements SnapshotSupport {
    private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();

    @Override
    public void init(RaftStorage raftStorage) throws java.io.IOException {
        storage.init(raftStorage);
    }

    @Override
    public StateMachineStorage storage() {
        return storage;
    }

    @Override
    public long take(TermIndex applied) {
        return RaftLog.INVALID_LOG_INDEX;
    }

    @Override
    public TermIndex restoreIfNeeded() {
        return null;
    }
}
