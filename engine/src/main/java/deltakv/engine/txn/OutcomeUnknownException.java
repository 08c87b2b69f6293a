package deltakv.engine.txn;

/** A commit may or may not have taken effect and re-submitting it did not settle the question. */
public final class OutcomeUnknownException extends RuntimeException {
    public OutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
