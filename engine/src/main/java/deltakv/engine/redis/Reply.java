package deltakv.engine.redis;

import java.nio.charset.StandardCharsets;
import deltakv.engine.txn.ResolvedAtApply;
import java.util.List;
import java.util.function.Function;

/** A RESP2 reply, built by command handlers and written by the server. */
public sealed interface Reply {
    record Simple(String text) implements Reply {}

    /** {@code message} includes the error code prefix, e.g. "ERR wrong number of arguments for 'get' command". */
    record Error(String message) implements Reply {}

    record Int(long value) implements Reply {}

    record Bulk(byte[] bytes) implements Reply {}

    record NullBulk() implements Reply {}

    record Array(List<Reply> items) implements Reply {}

    record NullArray() implements Reply {}

    /**
     * A reply the state machine decides (variant delta-cf): the transaction executor replaces it with
     * {@code decode} of output {@code output} once the commit is applied, so it never reaches a client.
     */
    record Deferred(int output, Function<byte[], Reply> decode) implements Reply, ResolvedAtApply {
        @Override
        public Object resolve(List<byte[]> outputs) {
            return decode.apply(outputs.get(output));
        }
    }

    Reply OK = new Simple("OK");
    Reply NULL_BULK = new NullBulk();
    Reply NULL_ARRAY = new NullArray();
    Reply WRONGTYPE = new Error("WRONGTYPE Operation against a key holding the wrong kind of value");
    Reply SYNTAX = new Error("ERR syntax error");
    Reply NOT_INTEGER = new Error("ERR value is not an integer or out of range");

    static Reply bulk(String s) {
        return new Bulk(s.getBytes(StandardCharsets.UTF_8));
    }

    static Reply error(String message) {
        return new Error(message);
    }
}
