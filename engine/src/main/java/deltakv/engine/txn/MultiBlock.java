package deltakv.engine.txn;

/**
 * Marks a transaction as the body of a MULTI/EXEC block. A command gives the same reply inside and outside
 * MULTI; two things look at this mark: variant delta-cf, which leaves a standalone push or pop to the
 * state machine but runs a block's at its snapshot (a block's later commands must see the result), and
 * the {@code multi-keeps-deltas} and {@code multi-startts-base-only} bug flags, because upstream's MULTI
 * took its own path through the list metadata.
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
