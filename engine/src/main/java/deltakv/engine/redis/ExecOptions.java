package deltakv.engine.redis;

/**
 * How EXEC runs. Anything but {@link #CORRECT} re-creates an upstream bug.
 *
 * @param untrackedReads the {@code multi-read-untracked} bug flag: read commands inside MULTI register no
 *                       read keys ({@link UntrackedReads})
 * @param runHere        the {@code exec-on-follower} bug flag: a follower does not relay MULTI/EXEC to the
 *                       leader but runs the block itself
 * @param runner         runs the EXEC body; null for the node's runner. The {@code exec-on-follower} and
 *                       {@code exec-startts-ahead} flags give one that picks a wrong snapshot (with both,
 *                       exec-startts-ahead's: a follower's EXEC then reads at its own next HLC value)
 */
public record ExecOptions(boolean untrackedReads, boolean runHere, TxnRunner runner) {
    public static final ExecOptions CORRECT = new ExecOptions(false, false, null);
}
