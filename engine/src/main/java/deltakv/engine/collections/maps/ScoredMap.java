package deltakv.engine.collections.maps;

import deltakv.engine.collections.KeyCodec;
import deltakv.engine.collections.RangeEraser;
import deltakv.engine.txn.Txn;
import java.util.List;

/**
 * A sorted set's members (member → score as 8 bytes) in a wide-column {@link FieldMap}, with the score
 * index ({@link ScoreKeys}) kept beside it in the same transaction: every change of a member's score
 * moves its index entry.
 */
final class ScoredMap implements FieldMap {
    private final FieldMap members;

    ScoredMap(FieldMap members) {
        this.members = members;
    }

    static byte[] encode(double score) {
        return KeyCodec.u64(Double.doubleToLongBits(score == 0.0 ? 0.0 : score));
    }

    static double decode(byte[] stored) {
        return Double.longBitsToDouble(KeyCodec.getLong(stored, 0));
    }

    @Override
    public byte[] get(Txn txn, byte[] key, byte[] field) {
        return members.get(txn, key, field);
    }

    @Override
    public boolean put(Txn txn, byte[] key, byte[] member, byte[] score) {
        byte[] old = members.get(txn, key, member);
        if (old != null) txn.delete(ScoreKeys.entry(key, decode(old), member));
        txn.put(ScoreKeys.entry(key, decode(score), member), new byte[0]);
        return members.put(txn, key, member, score);
    }

    @Override
    public boolean remove(Txn txn, byte[] key, byte[] member) {
        byte[] old = members.get(txn, key, member);
        if (old == null) return false;
        txn.delete(ScoreKeys.entry(key, decode(old), member));
        return members.remove(txn, key, member);
    }

    @Override
    public long size(Txn txn, byte[] key) {
        return members.size(txn, key);
    }

    @Override
    public boolean exists(Txn txn, byte[] key) {
        return members.exists(txn, key);
    }

    @Override
    public List<Txn.KV> entries(Txn txn, byte[] key) {
        return members.entries(txn, key);
    }

    @Override
    public boolean delete(Txn txn, byte[] key) {
        RangeEraser.eraseAll(txn, ScoreKeys.all(key));
        return members.delete(txn, key);
    }
}
