package deltakv.engine.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps a failed command's exception to the Redis-style error the client gets. */
public final class TxnFailures {
    private static final Logger LOG = LoggerFactory.getLogger(TxnFailures.class);

    private TxnFailures() {}

    public static Reply toReply(Throwable e) {
        LOG.warn("command failed with an unexpected exception", e);
        return Reply.error("ERR internal error: " + e);
    }
}
