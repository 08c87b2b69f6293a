package deltakv.engine.storage;

/** What the version cache knows about a key's newest version (the first one RocksDB would return). */
sealed interface Newest {
    /** No version of the key exists. */
    record Absent() implements Newest {}

    /**
     * The newest version is at {@code ts}; {@code stored} is its stored value (tag + user value), or
     * null when the value was too large to keep (only the ts is cached then).
     */
    record Version(long ts, byte[] stored) implements Newest {}

    Newest ABSENT = new Absent();

    /** The newer of two answers for one key; {@code b} wins a tie (a later write of the same version). */
    static Newest newer(Newest a, Newest b) {
        if (!(a instanceof Version va)) return b;
        if (!(b instanceof Version vb)) return a;
        return vb.ts() >= va.ts() ? b : a;
    }
}
