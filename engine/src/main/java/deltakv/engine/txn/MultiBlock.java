package deltakv.engine.txn;

/**
 * Marks a transaction as the body of a MULTI/EXEC block. The correct engine runs a command the same way
 * inside and outside MULTI; only the {@code multi-keeps-deltas} and {@code multi-startts-base-only} bug
 * flags look at this mark, because upstream's MULTI took its own path through the list metadata.
 * Held by the {@link Txn} ({@link Txn#local}), so a retried body is marked again by its EXEC.
 */
public final class MultiBlock {
    private boolean active;

    private MultiBlock() {}

    /** Called by EXEC before it runs the queued commands. */
    public static void mark(Txn txn) {
        txn.local(MultiBlock.class, MultiBlock::new).active = true;
    }

    /** Whether {@code txn} is an EXEC body. */
    public static boolean in(Txn txn) {
        return txn.local(MultiBlock.class, MultiBlock::new).active;
    }
}
