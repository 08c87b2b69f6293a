package deltakv.engine.redis;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.redis.ArrayHeaderRedisMessage;
import io.netty.handler.codec.redis.RedisMessage;
import io.netty.util.ReferenceCountUtil;
import java.util.List;

/**
 * Refuses absurd array lengths before the request aggregator collects them
 * (a 4-byte header must not cost gigabytes). Bulk lengths are already capped by the decoder.
 * Also tells the {@link UnterminatedLineGuard} that the decoder is making progress.
 */
final class LengthGuard extends MessageToMessageDecoder<RedisMessage> {
    private final UnterminatedLineGuard lines;

    LengthGuard(UnterminatedLineGuard lines) {
        this.lines = lines;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, RedisMessage msg, List<Object> out) {
        lines.progressed();
        if (msg instanceof ArrayHeaderRedisMessage h && h.length() > ProtocolErrors.MAX_MULTIBULK_LENGTH) {
            throw new ProtocolErrors.Violation("invalid multibulk length");
        }
        out.add(ReferenceCountUtil.retain(msg));
    }
}
