package deltakv.engine.raft;

/** A replication message or log entry that does not decode; never applied, reported to the sender. */
public final class MalformedEntryException extends RuntimeException {
    public MalformedEntryException(String message) {
        super(message);
    }
}
