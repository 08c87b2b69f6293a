package deltakv.engine.txn;

/** Thrown inside a transaction body (or by commit) to make the runner retry the whole body. */
public final class ConflictException extends RuntimeException {
    private final byte[] key;

    public ConflictException(byte[] key) {
        super(null, null, false, false);
        this.key = key;
    }

    public byte[] key() {
        return key;
    }
}
