package deltakv.engine.raft;

import org.apache.ratis.protocol.Message;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;

/** The one read-only query the state machine answers: the local applied commit-ts watermark. */
final class WatermarkQuery {
    static final Message REQUEST = Message.valueOf(ByteString.copyFrom(new byte[] {'W'}));

    private WatermarkQuery() {}

    static boolean isRequest(Message m) {
        ByteString c = m.getContent();
        return c.size() == 1 && c.byteAt(0) == 'W';
    }

    static Message reply(long appliedTs) {
        return Message.valueOf(ByteString.copyFrom(new WireWriter(8).u64(appliedTs).toByteArray()));
    }

    static long parseReply(Message m) {
        return new WireReader(m.getContent().toByteArray(), 0).u64();
    }
}
