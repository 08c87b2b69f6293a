package deltakv.engine.raft;

import deltakv.engine.txn.OperationGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One Raft log entry = a batch of operation groups. Layout:
 * {@code format u8 | count u32 | count x commitTs u64 | groups}. The timestamps sit at fixed offsets
 * so the leader can stamp them in place at append time (log order = commit-ts order) without
 * re-encoding; a submitted batch carries zeros there.
 */
public final class BatchCodec {
    static final int FORMAT = 0xB1;
    private static final int HEADER = 5;

    private BatchCodec() {}

    public static byte[] encode(List<OperationGroup> groups) {
        WireWriter w = new WireWriter(64 + groups.size() * 96);
        int n = groups.size();
        w.u8(FORMAT).u8(n >>> 24).u8(n >>> 16).u8(n >>> 8).u8(n);
        for (OperationGroup g : groups) w.u64(g.commitTs());
        for (OperationGroup g : groups) GroupCodec.write(w, g);
        return w.toByteArray();
    }

    public static List<OperationGroup> decode(byte[] entry) {
        int n = count(entry);
        WireReader r = new WireReader(entry, HEADER);
        long[] ts = new long[n];
        for (int i = 0; i < n; i++) ts[i] = r.u64();
        List<OperationGroup> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(GroupCodec.read(r, ts[i]));
        if (!r.atEnd()) throw new MalformedEntryException("trailing bytes after " + n + " groups");
        return out;
    }

    /** Number of groups, after checking the format byte and that the timestamp header fits. */
    public static int count(byte[] entry) {
        if (entry.length < HEADER || (entry[0] & 0xFF) != FORMAT) {
            throw new MalformedEntryException("not a DeltaKV batch (" + entry.length + " bytes)");
        }
        int n = ((entry[1] & 0xFF) << 24) | ((entry[2] & 0xFF) << 16) | ((entry[3] & 0xFF) << 8) | (entry[4] & 0xFF);
        if (n <= 0 || (long) HEADER + 8L * n > entry.length) {
            throw new MalformedEntryException("bad group count " + n + " for " + entry.length + " bytes");
        }
        return n;
    }

    /** Writes a fresh commit timestamp for every group, in group order, into the header. */
    public static void stamp(byte[] entry, LongSupplier nextTs) {
        int n = count(entry);
        for (int i = 0; i < n; i++) {
            long ts = nextTs.getAsLong();
            int at = HEADER + 8 * i;
            for (int b = 0; b < 8; b++) entry[at + b] = (byte) (ts >>> (56 - 8 * b));
        }
    }
}
