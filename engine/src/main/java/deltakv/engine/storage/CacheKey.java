package deltakv.engine.storage;

import java.util.Arrays;

/** A byte-string key with value equality, for hash maps. Never mutate the wrapped array. */
final class CacheKey {
    private final byte[] bytes;
    private final int hash;

    CacheKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheKey k && k.hash == hash && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
