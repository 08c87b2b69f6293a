package deltakv.engine.txn;

import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link Txn} that passes every call to another one. Wrappers that observe a transaction's storage work
 * (tests, benchmark probes) extend it and override only what they observe.
 */
public abstract class ForwardingTxn implements Txn {
    private final Txn inner;

    protected ForwardingTxn(Txn inner) {
        this.inner = inner;
    }

    @Override
    public long startTs() {
        return inner.startTs();
    }

    @Override
    public byte[] get(byte[] key) {
        return inner.get(key);
    }

    @Override
    public byte[] getUntracked(byte[] key) {
        return inner.getUntracked(key);
    }

    @Override
    public List<KV> scan(KeyRange range, int limit, boolean reverse, boolean track) {
        return inner.scan(range, limit, reverse, track);
    }

    @Override
    public void put(byte[] key, byte[] value) {
        inner.put(key, value);
    }

    @Override
    public void delete(byte[] key) {
        inner.delete(key);
    }

    @Override
    public void putAtCommitTs(byte[] prefix, byte[] suffix, byte[] value) {
        inner.putAtCommitTs(prefix, suffix, value);
    }

    @Override
    public int atApply(byte[] op) {
        return inner.atApply(op);
    }

    @Override
    public long latestVersionTs(KeyRange range) {
        return inner.latestVersionTs(range);
    }

    @Override
    public void trackRead(byte[] key) {
        inner.trackRead(key);
    }

    @Override
    public void trackRange(KeyRange range) {
        inner.trackRange(range);
    }

    @Override
    public <T> T local(Class<T> type, Supplier<T> create) {
        return inner.local(type, create);
    }
}
