package deltakv.engine.redis.relay;

import java.io.IOException;

/** The connection to the leader failed while a command was (possibly) on it. */
public final class RelayBrokenException extends IOException {
    public RelayBrokenException(String message) {
        super(message);
    }
}
