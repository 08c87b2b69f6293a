package deltakv.engine.txn;

/** A transaction's buffered write to one key, as its own reads see it. */
sealed interface PendingWrite {
    /** The value own reads see, or null for a delete. */
    byte[] visibleValue();

    record Value(byte[] value) implements PendingWrite {
        public byte[] visibleValue() {
            return value;
        }
    }

    record Tombstone() implements PendingWrite {
        public byte[] visibleValue() {
            return null;
        }
    }
}
