package deltakv.engine.node;

/** A node started on a store written under other start-up options ({@link StoreStamp}): a bad argument, not a crash. */
public final class WrongStoreException extends IllegalArgumentException {
    WrongStoreException(String message) {
        super(message);
    }
}
