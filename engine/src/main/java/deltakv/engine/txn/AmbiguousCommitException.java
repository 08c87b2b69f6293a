package deltakv.engine.txn;

/** The commit may or may not have taken effect; the client must be told the outcome is unknown. */
public final class AmbiguousCommitException extends Exception {
    public AmbiguousCommitException(String message, Throwable cause) {
        super(message, cause);
    }
}
