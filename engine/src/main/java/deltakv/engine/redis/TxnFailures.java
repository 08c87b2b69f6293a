package deltakv.engine.redis;

import deltakv.engine.raft.ClusterUnavailableException;
import deltakv.engine.txn.OutcomeUnknownException;
import deltakv.engine.txn.TooManyConflictsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a failed command's exception to the Redis-style error the client gets. The error code tells
 * a client whether the command certainly did not happen (TRYAGAIN) or may have (UNKNOWN).
 */
public final class TxnFailures {
    private static final Logger LOG = LoggerFactory.getLogger(TxnFailures.class);

    private TxnFailures() {}

    public static Reply toReply(Throwable e) {
        if (e instanceof TooManyConflictsException) return Reply.error("TRYAGAIN " + e.getMessage());
        if (e instanceof ClusterUnavailableException) return Reply.error(e.getMessage()); // "TRYAGAIN …"
        if (e instanceof OutcomeUnknownException) return Reply.error("UNKNOWN outcome unknown: " + e.getMessage());
        if (e instanceof java.util.concurrent.RejectedExecutionException) return Reply.error("TRYAGAIN node is shutting down");
        LOG.warn("command failed with an unexpected exception", e);
        return Reply.error("ERR internal error: " + e);
    }
}
