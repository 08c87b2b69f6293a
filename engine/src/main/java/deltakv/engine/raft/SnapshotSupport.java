package deltakv.engine.raft;

import java.io.IOException;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;

/** How the state machine snapshots its store and restores it from a snapshot (taken or installed). */
public interface SnapshotSupport {
    void init(RaftStorage storage) throws IOException;

    StateMachineStorage storage();

    /** Takes a snapshot of the applied state at {@code applied}; returns the index it covers. */
    long take(TermIndex applied) throws IOException;

    /**
     * Makes the live store at least as new as the latest snapshot (after install or a crash during
     * one) and returns the snapshot's term/index, or null when there is none.
     */
    TermIndex restoreIfNeeded() throws IOException;
}
