package deltakv.engine.txn;

/** A transaction kept conflicting and the executor gave up; nothing was written. Safe to retry. */
public final class TooManyConflictsException extends RuntimeException {
    public TooManyConflictsException(int attempts, long elapsedMillis, String lastConflictPrefix) {
        super("too many conflicts: gave up after " + attempts + " attempts in " + elapsedMillis
                + " ms (last conflict on " + lastConflictPrefix + ")");
    }
}
