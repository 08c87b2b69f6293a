package deltakv.engine.storage;

/** A storage failure with a one-line, human-readable reason (bad data directory, RocksDB error). */
public final class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
