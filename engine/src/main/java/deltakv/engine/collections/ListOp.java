package deltakv.engine.collections;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A standalone push or pop left to the state machine (variant delta-cf), and its output. Plain data with
 * its binary form; {@link ListOps} evaluates it.
 *
 * <pre>
 *   push: 'P' end(1) onlyIfExists(1) keyLen(4) key  n(4) × (len(4) value)   → output: new length (8)
 *   pop:  'O' end(1) count(8)        keyLen(4) key                           → output: 0 (no list)
 *                                                                              or 1 n(4) × (len(4) element)
 * </pre>
 */
public sealed interface ListOp {
    byte[] key();

    record Push(byte[] key, End end, boolean onlyIfExists, List<byte[]> values) implements ListOp {}

    record Pop(byte[] key, End end, long count) implements ListOp {}

    byte PUSH = 'P';
    byte POP = 'O';

    static byte[] encode(ListOp op) {
        if (op instanceof Push p) {
            int size = 1 + 1 + 1 + 4 + p.key().length + 4;
            for (byte[] v : p.values()) size += 4 + v.length;
            ByteBuffer b = ByteBuffer.allocate(size).put(PUSH).put(endByte(p.end())).put((byte) (p.onlyIfExists() ? 1 : 0));
            b.putInt(p.key().length).put(p.key()).putInt(p.values().size());
            for (byte[] v : p.values()) b.putInt(v.length).put(v);
            return b.array();
        }
        Pop p = (Pop) op;
        return ByteBuffer.allocate(1 + 1 + 8 + 4 + p.key().length).put(POP).put(endByte(p.end())).putLong(p.count())
                .putInt(p.key().length).put(p.key()).array();
    }

    /** @throws IllegalArgumentException if {@code bytes} is not an encoded operation */
    static ListOp decode(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            byte kind = b.get();
            End end = b.get() == 'L' ? End.LEFT : End.RIGHT;
            if (kind == PUSH) {
                boolean onlyIfExists = b.get() == 1;
                byte[] key = chunk(b);
                int n = b.getInt();
                List<byte[]> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) values.add(chunk(b));
                return new Push(key, end, onlyIfExists, values);
            }
            if (kind == POP) {
                long count = b.getLong();
                return new Pop(chunk(b), end, count);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed list operation", e);
        }
        throw new IllegalArgumentException("unknown list operation " + bytes[0]);
    }

    static byte[] lengthOutput(long len) {
        return ByteBuffer.allocate(8).putLong(len).array();
    }

    static long decodeLength(byte[] output) {
        return ByteBuffer.wrap(output).getLong();
    }

    /** Empty: there was no list; otherwise the popped elements (none for a count of 0). */
    static byte[] popOutput(Optional<List<byte[]>> popped) {
        if (popped.isEmpty()) return new byte[] {0};
        int size = 1 + 4;
        for (byte[] e : popped.get()) size += 4 + e.length;
        ByteBuffer b = ByteBuffer.allocate(size).put((byte) 1).putInt(popped.get().size());
        for (byte[] e : popped.get()) b.putInt(e.length).put(e);
        return b.array();
    }

    static Optional<List<byte[]>> decodePopped(byte[] output) {
        ByteBuffer b = ByteBuffer.wrap(output);
        if (b.get() == 0) return Optional.empty();
        int n = b.getInt();
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(chunk(b));
        return Optional.of(out);
    }

    private static byte endByte(End end) {
        return (byte) (end == End.LEFT ? 'L' : 'R');
    }

    private static byte[] chunk(ByteBuffer b) {
        byte[] out = new byte[b.getInt()];
        b.get(out);
        return out;
    }
}
