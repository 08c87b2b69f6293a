package deltakv.engine.collections.maps;

import deltakv.engine.collections.DeltaFold;
import deltakv.engine.collections.KeyCodec;
import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Txn;
import java.util.List;

/**
 * Compaction of one collection's Len deltas (DELTA_DESIGN §5): in one transaction that tracks the base meta,
 * fold at most {@code budget} deltas into it, delete them and remember the last one as the fold mark.
 * Deltas committed after this snapshot are not seen and survive. A base at Len 0 is kept (only DEL and a
 * type change remove it).
 */
final class LenFold implements DeltaFold {
    private final MapKeys keys;
    private final int budget;

    LenFold(MapKeys keys, int budget) {
        this.keys = keys;
        this.budget = Math.max(1, budget);
    }

    @Override
    public String type() {
        return keys.type().redisName();
    }

    @Override
    public KeyRange namespace() {
        return keys.deltaNamespace();
    }

    @Override
    public byte[] userKeyOf(byte[] deltaKey) {
        return keys.userKeyOfDelta(deltaKey);
    }

    @Override
    public byte[] deltaPrefix(byte[] userKey) {
        return keys.deltaPrefix(userKey);
    }

    @Override
    public Result step(Txn txn, byte[] key) {
        byte[] baseKey = keys.baseMeta(key);
        LenBase base = LenBase.decode(txn.get(baseKey));
        List<Txn.KV> deltas = txn.scan(base.liveDeltas(keys, key), budget + 1, false, false);
        boolean more = deltas.size() > budget;
        List<Txn.KV> folded = more ? deltas.subList(0, budget) : deltas;
        if (folded.isEmpty()) return new Result(0, 0, false);
        long len = base.len();
        for (Txn.KV d : folded) {
            len += KeyCodec.getLong(d.value(), 0);
            txn.delete(d.key());
        }
        txn.put(baseKey, new LenBase(len, LenBase.markOf(folded.get(folded.size() - 1).key())).encode());
        return new Result(folded.size(), 0, more);
    }
}
