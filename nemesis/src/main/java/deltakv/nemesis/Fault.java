package deltakv.nemesis;

/**
 * One scheduled nemesis operation, as plain data: at {@code atMillis} after the main phase starts, do
 * {@code f} (e.g. {@code start-partition}) with {@code value} (e.g. {@code :leader}, what was asked).
 * Recorded in the history as a {@code :nemesis :info} invoke, then the same {@code f} with what was done.
 * {@code draw} seeds the fault's own random choices (which node is "one"), so a replay picks the same.
 */
public record Fault(long atMillis, String f, Object value, long draw) {
    /** The fault kind: {@code partition} for {@code start-partition} and {@code stop-partition}. */
    public String kind() {
        int dash = f.indexOf('-');
        return dash < 0 ? f : f.substring(dash + 1);
    }
}
