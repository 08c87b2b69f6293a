package deltakv.engine.txn;

/** Outcome of applying one operation group. */
public sealed interface ApplyResult {
    record Committed(long commitTs) implements ApplyResult {}

    /** A version newer than startTs exists on {@code key} (a written key, a read key, or inside a read range). */
    record Conflict(byte[] key) implements ApplyResult {}

    /** commitTs not above the last applied one (log order must equal commit-ts order); retryable. */
    record StaleTimestamp(long commitTs, long lastApplied) implements ApplyResult {}
}
