package deltakv.engine.raft;

import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.Mutation;
import deltakv.engine.txn.OperationGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary form of one operation group without its commit timestamp (the batch header carries it,
 * because the leader stamps timestamps after encoding; see {@link BatchCodec}).
 */
final class GroupCodec {
    private static final int PUT = 1;
    private static final int DELETE = 2;
    private static final int PUT_AT_TS = 3;
    private static final int AT_APPLY = 4;

    private GroupCodec() {}

    static void write(WireWriter w, OperationGroup g) {
        w.u64(g.id()).u64(g.startTs());
        w.varint(g.readKeys().size());
        for (byte[] k : g.readKeys()) w.bytes(k);
        w.varint(g.readRanges().size());
        for (KeyRange r : g.readRanges()) w.bytes(r.start()).nullableBytes(r.end());
        w.varint(g.mutations().size());
        for (Mutation m : g.mutations()) writeMutation(w, m);
    }

    static OperationGroup read(WireReader r, long commitTs) {
        long id = r.u64();
        long startTs = r.u64();
        int nKeys = r.length();
        List<byte[]> keys = new ArrayList<>(nKeys);
        for (int i = 0; i < nKeys; i++) keys.add(r.bytes());
        int nRanges = r.length();
        List<KeyRange> ranges = new ArrayList<>(nRanges);
        for (int i = 0; i < nRanges; i++) ranges.add(new KeyRange(r.bytes(), r.nullableBytes()));
        int nMut = r.length();
        List<Mutation> muts = new ArrayList<>(nMut);
        for (int i = 0; i < nMut; i++) muts.add(readMutation(r));
        return new OperationGroup(id, startTs, commitTs, keys, ranges, muts);
    }

    private static void writeMutation(WireWriter w, Mutation m) {
        if (m instanceof Mutation.Put p) {
            w.u8(PUT).bytes(p.key()).bytes(p.value());
        } else if (m instanceof Mutation.Delete d) {
            w.u8(DELETE).bytes(d.key());
        } else if (m instanceof Mutation.PutAtCommitTs p) {
            w.u8(PUT_AT_TS).bytes(p.prefix()).bytes(p.suffix()).bytes(p.value());
        } else if (m instanceof Mutation.AtApply a) {
            w.u8(AT_APPLY).bytes(a.op());
        } else {
            throw new IllegalArgumentException("unknown mutation " + m);
        }
    }

    private static Mutation readMutation(WireReader r) {
        int tag = r.u8();
        return switch (tag) {
            case PUT -> new Mutation.Put(r.bytes(), r.bytes());
            case DELETE -> new Mutation.Delete(r.bytes());
            case PUT_AT_TS -> new Mutation.PutAtCommitTs(r.bytes(), r.bytes(), r.bytes());
            case AT_APPLY -> new Mutation.AtApply(r.bytes());
            default -> throw new MalformedEntryException("unknown mutation tag " + tag);
        };
    }
}
