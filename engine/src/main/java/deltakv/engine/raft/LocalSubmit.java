package deltakv.engine.raft;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.LeaderNotReadyException;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;

/**
 * Requests handed straight to this node's own Ratis server, without the gRPC round trip a Ratis
 * client would make to ourselves. Reads: the server runs ReadIndex itself (asking the leader when it
 * is a follower). Writes: only worth it on the leader.
 */
final class LocalSubmit {
    private final RaftServer server;
    private final RaftPeerId me;
    private final RaftGroupId group;
    private final ClientId clientId = ClientId.randomId();
    private final AtomicLong callIds = new AtomicLong();

    LocalSubmit(RaftServer server, RaftPeerId me, RaftGroupId group) {
        this.server = server;
        this.me = me;
        this.group = group;
    }

    CompletableFuture<RaftClientReply> read(Message m) {
        return submit(m, RaftClientRequest.readRequestType());
    }

    CompletableFuture<RaftClientReply> write(byte[] entry) {
        return submit(Message.valueOf(UnsafeByteOperations.unsafeWrap(entry)), RaftClientRequest.writeRequestType());
    }

    /** The server refused before appending anything (not the leader, or not ready yet). */
    static boolean notAppended(RaftClientReply r) {
        return r.getNotLeaderException() != null || r.getException() instanceof LeaderNotReadyException;
    }

    private CompletableFuture<RaftClientReply> submit(Message m, RaftClientRequest.Type type) {
        RaftClientRequest req = RaftClientRequest.newBuilder().setClientId(clientId).setServerId(me)
                .setGroupId(group).setCallId(callIds.incrementAndGet()).setMessage(m).setType(type).build();
        try {
            return server.submitClientRequestAsync(req);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
