package deltakv.engine.collections;

import deltakv.engine.txn.MultiBlock;
import deltakv.engine.txn.Txn;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * INCRBY on the string type (INCR, DECR and DECRBY are forms of it). In every variant but delta-cf it runs
 * at the transaction's snapshot with the string key tracked, so two concurrent increments of one counter
 * conflict. In delta-cf a standalone increment is an apply-time operation ({@link CounterOp}): additions
 * commute, so the state machine applies it to whatever value the key has then, and replies that value;
 * nothing conflicts. Inside MULTI it runs at the snapshot, as a block's later commands must see it, and so
 * does an increment of a key with a hash, set or sorted set tag (the state machine checks strings and lists
 * only; the snapshot's tracked tag read makes a concurrent creation of such a collection conflict).
 */
public final class Counters {
    private final StringStore strings;
    private final Keyspace keyspace;
    private final boolean atApply;

    /** @param atApply variant delta-cf */
    public Counters(StringStore strings, Keyspace keyspace, boolean atApply) {
        this.strings = strings;
        this.keyspace = keyspace;
        this.atApply = atApply;
    }

    public Decided<CounterResult> add(Txn txn, byte[] key, long increment) {
        if (!atApply || MultiBlock.in(txn) || TypeTags.read(txn, key) != KeyType.NONE) {
            boolean wrongType = !keyspace.prepareWrite(txn, key, KeyType.STRING);
            return new Decided.Now<>(add(txn, key, increment, strings, wrongType));
        }
        int out = txn.atApply(CounterOp.encode(new CounterOp(key, increment)));
        return new Decided.AtApply<>(out, CounterOp::decodeResult);
    }

    /**
     * The increment itself, on any {@link Txn}: the snapshot's, or the state machine's ({@link DataOps}, whose
     * {@code strings} tell the time by the commit timestamp, so every replica decides an expiry alike).
     */
    static CounterResult add(Txn txn, byte[] userKey, long increment, StringStore strings, boolean wrongType) {
        if (wrongType) return new CounterResult.WrongType();
        StringValue old = strings.read(txn, userKey);
        long value = 0;
        if (old != null) {
            OptionalLong v = RedisInts.parse(old.bytes());
            if (v.isEmpty()) return new CounterResult.NotInteger();
            value = v.getAsLong();
        }
        if ((increment < 0 && value < 0 && increment < Long.MIN_VALUE - value)
                || (increment > 0 && value > 0 && increment > Long.MAX_VALUE - value)) {
            return new CounterResult.Overflow();
        }
        long next = value + increment;
        long deadline = old == null ? StringValue.NO_EXPIRY : old.deadlineMs(); // INCR keeps the expiry
        strings.write(txn, userKey, new StringValue(deadline, Long.toString(next).getBytes(StandardCharsets.US_ASCII)));
        return new CounterResult.Value(next);
    }

    /** An increment left to the state machine: {@code 'I' increment(8) keyLen(4) key}. */
    record CounterOp(byte[] key, long increment) {
        static final byte KIND = 'I';

        static byte[] encode(CounterOp op) {
            return ByteBuffer.allocate(1 + 8 + 4 + op.key.length).put(KIND).putLong(op.increment).putInt(op.key.length)
                    .put(op.key).array();
        }

        static CounterOp decode(byte[] bytes) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            b.get();
            long increment = b.getLong();
            byte[] key = new byte[b.getInt()];
            b.get(key);
            return new CounterOp(key, increment);
        }

        /** {@code 0 value(8)} or {@code 1} wrong type, {@code 2} not an integer, {@code 3} overflow. */
        static byte[] encodeResult(CounterResult r) {
            if (r instanceof CounterResult.Value v) return ByteBuffer.allocate(9).put((byte) 0).putLong(v.value()).array();
            return new byte[] {(byte) (r instanceof CounterResult.WrongType ? 1 : r instanceof CounterResult.NotInteger ? 2 : 3)};
        }

        static CounterResult decodeResult(byte[] out) {
            return switch (out[0]) {
                case 0 -> new CounterResult.Value(ByteBuffer.wrap(out, 1, 8).getLong());
                case 1 -> new CounterResult.WrongType();
                case 2 -> new CounterResult.NotInteger();
                default -> new CounterResult.Overflow();
            };
        }
    }
}
