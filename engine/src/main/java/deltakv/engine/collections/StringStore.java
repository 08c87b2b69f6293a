package deltakv.engine.collections;

import deltakv.engine.txn.Txn;
import java.util.function.LongSupplier;

/** Strings with lazy expiry: an expired value reads as absent and is removed by the next write. */
public final class StringStore {
    private final LongSupplier clockMs;

    public StringStore(LongSupplier clockMs) {
        this.clockMs = clockMs;
    }

    public long nowMs() {
        return clockMs.getAsLong();
    }

    /** The live value, or null if absent or expired. Registered for conflicts. */
    public StringValue read(Txn txn, byte[] userKey) {
        byte[] stored = txn.get(StringKeys.key(userKey));
        if (stored == null) return null;
        StringValue v = StringValue.decode(stored);
        return v.expiredAt(nowMs()) ? null : v;
    }

    public boolean exists(Txn txn, byte[] userKey) {
        return read(txn, userKey) != null;
    }

    /** Whether a live string is stored; an expired one is deleted (a list write is about to reuse the key). */
    public boolean liveOrPurge(Txn txn, byte[] userKey) {
        byte[] key = StringKeys.key(userKey);
        byte[] stored = txn.get(key);
        if (stored == null) return false;
        if (!StringValue.decode(stored).expiredAt(nowMs())) return true;
        txn.delete(key);
        return false;
    }

    public void write(Txn txn, byte[] userKey, StringValue value) {
        txn.put(StringKeys.key(userKey), value.encode());
    }

    /** Deletes the stored value (live or expired); returns whether a live value existed. */
    public boolean delete(Txn txn, byte[] userKey) {
        byte[] key = StringKeys.key(userKey);
        byte[] stored = txn.get(key);
        if (stored == null) return false;
        txn.delete(key);
        return !StringValue.decode(stored).expiredAt(nowMs());
    }
}
