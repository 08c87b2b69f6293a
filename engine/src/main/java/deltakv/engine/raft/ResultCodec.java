package deltakv.engine.raft;

import deltakv.engine.txn.ApplyResult;
import java.util.ArrayList;
import java.util.List;

/** The reply to one batch: one {@link ApplyResult} per group, in group order. */
final class ResultCodec {
    private static final int COMMITTED = 1;
    private static final int CONFLICT = 2;
    private static final int STALE = 3;
    /** Committed, with the outputs of its apply-time operations. */
    private static final int COMMITTED_WITH_OUTPUTS = 4;

    private ResultCodec() {}

    static byte[] encode(List<ApplyResult> results) {
        WireWriter w = new WireWriter(8 + results.size() * 10);
        w.varint(results.size());
        for (ApplyResult r : results) {
            if (r instanceof ApplyResult.Committed c && !c.outputs().isEmpty()) {
                w.u8(COMMITTED_WITH_OUTPUTS).u64(c.commitTs()).varint(c.outputs().size());
                for (byte[] o : c.outputs()) w.bytes(o);
            } else if (r instanceof ApplyResult.Committed c) {
                w.u8(COMMITTED).u64(c.commitTs());
            } else if (r instanceof ApplyResult.Conflict c) {
                w.u8(CONFLICT).bytes(c.key() == null ? new byte[0] : c.key());
            } else if (r instanceof ApplyResult.StaleTimestamp s) {
                w.u8(STALE).u64(s.commitTs()).u64(s.lastApplied());
            } else {
                throw new IllegalArgumentException("unknown result " + r);
            }
        }
        return w.toByteArray();
    }

    static List<ApplyResult> decode(byte[] bytes) {
        WireReader r = new WireReader(bytes, 0);
        int n = r.length();
        List<ApplyResult> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int tag = r.u8();
            out.add(switch (tag) {
                case COMMITTED -> new ApplyResult.Committed(r.u64());
                case CONFLICT -> new ApplyResult.Conflict(r.bytes());
                case STALE -> new ApplyResult.StaleTimestamp(r.u64(), r.u64());
                case COMMITTED_WITH_OUTPUTS -> committedWithOutputs(r);
                default -> throw new MalformedEntryException("unknown result tag " + tag);
            });
        }
        return out;
    }

    private static ApplyResult committedWithOutputs(WireReader r) {
        long ts = r.u64();
        int n = r.length();
        List<byte[]> outputs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) outputs.add(r.bytes());
        return new ApplyResult.Committed(ts, outputs);
    }
}
