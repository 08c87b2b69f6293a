package deltakv.engine.txn;

/** Internal keys k with {@code start <= k < end} (unsigned lexicographic); {@code end == null} means unbounded. */
public record KeyRange(byte[] start, byte[] end) {
    /** All keys that start with {@code prefix}. */
    public static KeyRange prefix(byte[] prefix) {
        return new KeyRange(prefix, Bytes.prefixEnd(prefix));
    }
}
