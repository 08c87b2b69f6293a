package deltakv.engine.redis;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.redis.ArrayRedisMessage;
import io.netty.handler.codec.redis.ErrorRedisMessage;
import io.netty.handler.codec.redis.FullBulkStringRedisMessage;
import io.netty.handler.codec.redis.InlineCommandRedisMessage;
import io.netty.handler.codec.redis.IntegerRedisMessage;
import io.netty.handler.codec.redis.RedisMessage;
import io.netty.handler.codec.redis.SimpleStringRedisMessage;
import java.util.ArrayList;
import java.util.List;

/** Turns one aggregated RESP frame into a {@link Request}; does not release the message. */
public final class RequestReader {
    private RequestReader() {}

    public static Request read(RedisMessage msg) {
        if (msg instanceof ArrayRedisMessage array) return fromArray(array);
        if (msg instanceof InlineCommandRedisMessage inline) return fromInline(inline.content());
        // Redis reads any line not starting with '*' as an inline command; Netty has already
        // split off the type byte of these, so put it back.
        if (msg instanceof SimpleStringRedisMessage s) return fromInline("+" + s.content());
        if (msg instanceof ErrorRedisMessage e) return fromInline("-" + e.content());
        if (msg instanceof IntegerRedisMessage n) return fromInline(":" + n.value());
        if (msg instanceof FullBulkStringRedisMessage) return new Request.Invalid(
                CommandErrors.protocol("expected '*', got '$'"), false);
        return new Request.Invalid(CommandErrors.protocol("unexpected frame"), true);
    }

    private static Request fromArray(ArrayRedisMessage array) {
        if (array.isNull() || array.children().isEmpty()) return Request.SKIP;
        List<byte[]> args = new ArrayList<>(array.children().size());
        for (RedisMessage child : array.children()) {
            if (!(child instanceof FullBulkStringRedisMessage bulk)) {
                return new Request.Invalid(CommandErrors.protocol("expected '$', got '" + typeChar(child) + "'"), true);
            }
            if (bulk.isNull()) return new Request.Invalid(CommandErrors.protocol("invalid bulk length"), true);
            args.add(ByteBufUtil.getBytes(bulk.content()));
        }
        return new Request.Command(args);
    }

    private static Request fromInline(String line) {
        try {
            List<byte[]> args = InlineSplitter.split(line);
            return args.isEmpty() ? Request.SKIP : new Request.Command(args);
        } catch (InlineSplitter.UnbalancedQuotes e) {
            return new Request.Invalid(CommandErrors.protocol(e.getMessage()), true);
        }
    }

    private static char typeChar(RedisMessage m) {
        if (m instanceof ArrayRedisMessage) return '*';
        if (m instanceof IntegerRedisMessage) return ':';
        if (m instanceof ErrorRedisMessage) return '-';
        if (m instanceof SimpleStringRedisMessage) return '+';
        return '$';
    }
}
