package deltakv.nemesis;

/**
 * One scheduled nemesis operation, as plain data: at {@code atMillis} after the main phase starts, do
 * {@code f} (e.g. {@code start-partition}) with {@code value} (e.g. {@code "leader"}, what was asked).
 * Recorded in the history as a {@code :nemesis :info} invoke, then the same {@code f} with what was done.
 */
public record Fault(long atMillis, String f, Object value) {}
