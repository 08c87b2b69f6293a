package deltakv.engine.collections;

/** What INCRBY did: the new value, or why it did nothing (the command layer turns each into Redis's reply). */
public sealed interface CounterResult {
    record Value(long value) implements CounterResult {}

    /** the key holds a list */
    record WrongType() implements CounterResult {}

    /** the stored string is not an integer */
    record NotInteger() implements CounterResult {}

    /** the result would not fit in 64 bits */
    record Overflow() implements CounterResult {}
}
