package deltakv.engine.redis;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.redis.ArrayHeaderRedisMessage;
import io.netty.handler.codec.redis.ArrayRedisMessage;
import io.netty.handler.codec.redis.ErrorRedisMessage;
import io.netty.handler.codec.redis.FullBulkStringRedisMessage;
import io.netty.handler.codec.redis.IntegerRedisMessage;
import io.netty.handler.codec.redis.RedisMessage;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a request array (header + bulk strings) into one {@link ArrayRedisMessage}. Used instead
 * of Netty's RedisArrayAggregator for two reasons: a client request is a flat array of bulks, so
 * anything else inside it is refused at once as Redis does ("expected '$', got ':'"); and the bulks
 * of an unfinished array are released when the connection closes (Netty's aggregator keeps them,
 * leaking pooled buffers whenever a client disconnects mid-request).
 */
final class RequestAggregator extends MessageToMessageDecoder<RedisMessage> {
    private List<RedisMessage> parts; // non-null while an array is being collected
    private int expected;

    @Override
    protected void decode(ChannelHandlerContext ctx, RedisMessage msg, List<Object> out) {
        if (msg instanceof ArrayHeaderRedisMessage header) {
            if (parts != null) throw new ProtocolErrors.Violation("expected '$', got '*'");
            if (header.isNull()) out.add(ArrayRedisMessage.NULL_INSTANCE);
            else if (header.length() == 0) out.add(ArrayRedisMessage.EMPTY_INSTANCE);
            else start((int) header.length()); // LengthGuard has capped it
        } else if (parts == null) {
            out.add(ReferenceCountUtil.retain(msg)); // top-level frame (inline command etc.)
        } else if (msg instanceof FullBulkStringRedisMessage bulk) {
            parts.add(bulk.retain());
            if (parts.size() == expected) {
                out.add(new ArrayRedisMessage(parts));
                parts = null;
            }
        } else {
            throw new ProtocolErrors.Violation("expected '$', got '" + typeChar(msg) + "'");
        }
    }

    private void start(int length) {
        parts = new ArrayList<>(Math.min(length, 1024));
        expected = length;
    }

    private static char typeChar(RedisMessage m) {
        if (m instanceof IntegerRedisMessage) return ':';
        if (m instanceof ErrorRedisMessage) return '-';
        return '+';
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releaseParts();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) throws Exception {
        releaseParts();
        super.handlerRemoved(ctx);
    }

    private void releaseParts() {
        if (parts == null) return;
        parts.forEach(ReferenceCountUtil::safeRelease);
        parts = null;
    }
}
