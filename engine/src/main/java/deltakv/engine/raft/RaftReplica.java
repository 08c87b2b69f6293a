package deltakv.engine.raft;

import deltakv.engine.Bug;
import deltakv.engine.clock.Hlc;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.apache.ratis.util.TimeDuration;

/** One node's Raft member: the Ratis server running the state machine, and the client it commits through. */
public final class RaftReplica implements AutoCloseable {
    /** All DeltaKV clusters use one group id; clusters are told apart by their peers and data. */
    static final RaftGroupId GROUP_ID = RaftGroupId.valueOf(UUID.nameUUIDFromBytes(
            "deltakv-cluster".getBytes(StandardCharsets.UTF_8)));

    private final String selfId;
    private final RaftServer server;
    private final RaftClient client;
    private final RaftCommitter committer;
    private final AppliedWatermark watermark;
    private final ReplicationStats stats;
    private final ExecutorService senders;

    private RaftReplica(String selfId, RaftServer server, RaftClient client, RaftCommitter committer,
                        AppliedWatermark watermark, ReplicationStats stats, ExecutorService senders) {
        this.senders = senders;
        this.selfId = selfId;
        this.server = server;
        this.client = client;
        this.committer = committer;
        this.watermark = watermark;
        this.stats = stats;
    }

    /**
     * Starts this member (recovering its log from {@code raftDir} if present).
     *
     * @throws IOException with a one-line reason (port in use, unusable directory, …)
     */
    public static RaftReplica start(String selfId, PeerList peers, Path raftDir, BatchApplier applier, Hlc hlc,
                                    AppliedWatermark watermark, SnapshotSupport snapshots, RaftSettings settings,
                                    Set<Bug> bugs) throws IOException {
        PeerAddress self = peers.self(selfId);
        ClusterIdentity.check(raftDir, peers);
        checkPortFree(self);
        RaftGroup group = RaftGroup.valueOf(GROUP_ID, peers.peers().stream().map(RaftReplica::toPeer).toList());
        ReplicationStats stats = new ReplicationStats();
        // bug flag: a new leader's HLC no longer observes applied commit timestamps
        DeltaStateMachine sm = new DeltaStateMachine(applier,
                bugs.contains(Bug.HLC_NO_OBSERVE) ? ts -> { } : hlc::observe, hlc::next, watermark, stats,
                snapshots);
        RaftServer server = RaftServer.newBuilder()
                .setServerId(RaftPeerId.valueOf(selfId))
                .setStateMachine(sm)
                .setProperties(RaftProps.server(self, raftDir.toFile(), settings))
                .setGroup(group)
                .setOption(RaftStorage.StartupOption.RECOVER)
                .build();
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            closeQuietly(server);
            throw new IOException(startFailure(self, e), e);
        }
        RaftClient client = RaftClient.newBuilder()
                .setProperties(RaftProps.client())
                .setRaftGroup(group)
                .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(
                        (int) Math.max(5, settings.commitTimeout().toMillis() / 100),
                        TimeDuration.valueOf(100, TimeUnit.MILLISECONDS)))
                .build();
        long timeout = settings.commitTimeout().toMillis();
        RaftPeerId me = RaftPeerId.valueOf(selfId);
        LocalSubmit local = new LocalSubmit(server, me, GROUP_ID);
        // Blocking sends, each on its own (pooled) thread, rather than Ratis's ordered async API: its
        // per-client sliding window holds every later batch behind one that keeps failing across a
        // leader change. A send abandoned by the commit timeout may still be retrying; it must not
        // hold up the next one, hence no fixed-size pool.
        ExecutorService senders = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "raft-send-" + selfId);
            t.setDaemon(true);
            return t;
        });
        java.util.function.Function<byte[], CompletableFuture<byte[]>> viaClient =
                entry -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return content(client.io().send(Message.valueOf(UnsafeByteOperations.unsafeWrap(entry))));
                    } catch (IOException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }, senders);
        // On the leader, skip the gRPC hop to ourselves; a "not leader (yet)" answer means nothing
        // was appended, so the Ratis client (which finds the leader) takes over.
        BatchSubmitter submitter = new BatchSubmitter(
                entry -> (isLeader(server) ? local.write(entry).thenCompose(r -> r.isSuccess()
                        ? CompletableFuture.completedFuture(content(r))
                        : LocalSubmit.notAppended(r) ? viaClient.apply(entry) : CompletableFuture.failedFuture(
                                new ClusterUnavailableException("TRYAGAIN " + r.getException(), r.getException())))
                        : viaClient.apply(entry)).orTimeout(timeout, TimeUnit.MILLISECONDS),
                settings.maxInFlight(), settings.maxBatchGroups(),
                settings.batchLinger().toNanos(), stats, selfId);
        ReadBarrier reads = new ReadBarrier(
                () -> local.read(WatermarkQuery.REQUEST).thenApply(r -> WatermarkQuery.parseReply(checked(r).getMessage())),
                watermark, timeout, stats, bugs.contains(Bug.LEASE_OUTLIVES_LEADERSHIP)
                        ? LeadershipWindow.outlivingLease(() -> isLeader(server), settings.electionMin().toMillis(),
                                hlc::wallMillis)
                        : new LeadershipWindow(() -> isLeader(server), settings.electionMin().toMillis()));
        // bug flag: a follower answers reads at its own applied watermark, without asking the leader
        java.util.function.BooleanSupplier staleReads = bugs.contains(Bug.STALE_FOLLOWER_READ)
                ? () -> !isLeader(server) : () -> false;
        // bug flag: the snapshot is taken at max(applied watermark, HLC now), ahead of what has been applied
        java.util.function.LongUnaryOperator snapshotTs = bugs.contains(Bug.SNAPSHOT_FROM_HLC)
                ? ts -> Math.max(ts, hlc.now()) : ts -> ts;
        RaftCommitter committer = new RaftCommitter(submitter, reads, timeout, stats, staleReads, watermark,
                () -> isLeader(server), snapshotTs);
        return new RaftReplica(selfId, server, client, committer, watermark, stats, senders);
    }

    /** Ratis exits the JVM with a stack trace on a bind failure; find out first, with one line. */
    private static void checkPortFree(PeerAddress self) throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(self.host(), self.raftPort()));
        } catch (BindException e) {
            throw new IOException("raft port " + self.raftAddress() + " is already in use", e);
        } catch (IOException e) {
            throw new IOException("cannot bind raft port " + self.raftAddress() + ": " + e.getMessage(), e);
        }
    }

    private static boolean isLeader(RaftServer server) {
        try {
            return server.getDivision(GROUP_ID).getInfo().isLeader();
        } catch (IOException e) {
            return false;
        }
    }

    private static RaftPeer toPeer(PeerAddress p) {
        return RaftPeer.newBuilder().setId(p.id()).setAddress(p.raftAddress()).build();
    }

    private static RaftClientReply checked(RaftClientReply r) {
        if (!r.isSuccess()) {
            throw new ClusterUnavailableException("TRYAGAIN " + (r.getException() == null ? "request failed"
                    : ReadBarrier.rootMessage(r.getException())), r.getException());
        }
        return r;
    }

    private static byte[] content(RaftClientReply r) {
        return checked(r).getMessage().getContent().toByteArray();
    }

    private static String startFailure(PeerAddress self, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return "raft port " + self.raftAddress() + " is already in use";
            }
        }
        return "raft member " + self.id() + " failed to start: " + ReadBarrier.rootMessage(e);
    }

    /** Whether this replica is the Raft leader right now. */
    public boolean isLeader() {
        return isLeader(server);
    }

    /** The leader as this member knows it (possibly itself); empty while there is none. */
    public java.util.Optional<String> leaderId() {
        try {
            RaftPeerId leader = server.getDivision(GROUP_ID).getInfo().getLeaderId();
            return leader == null ? java.util.Optional.empty() : java.util.Optional.of(leader.toString());
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Everything applied on this member (its own state, whoever leads). */
    public long appliedTs() {
        return watermark.current();
    }

    public RaftCommitter committer() {
        return committer;
    }

    public ReplicationStats stats() {
        return stats;
    }

    public String id() {
        return selfId;
    }

    public ReplicaStatus status() {
        try {
            DivisionInfo info = server.getDivision(GROUP_ID).getInfo();
            RaftPeerId leader = info.getLeaderId();
            return new ReplicaStatus(selfId, info.getCurrentRole().name().toLowerCase(Locale.ROOT),
                    leader == null ? null : leader.toString(), info.getCurrentTerm(), info.getLastAppliedIndex(),
                    watermark.current());
        } catch (IOException | RuntimeException e) {
            return new ReplicaStatus(selfId, "down", null, 0, 0, watermark.current());
        }
    }

    /** First index still in the Raft log (entries before it were purged after a snapshot). */
    public long logStartIndex() throws IOException {
        return server.getDivision(GROUP_ID).getRaftLog().getStartIndex();
    }

    /** Asks Ratis to take a snapshot now (tests and admin); returns the index it covers. */
    public long snapshotNow() throws IOException {
        var req = org.apache.ratis.protocol.SnapshotManagementRequest.newCreate(
                client.getId(), RaftPeerId.valueOf(selfId), GROUP_ID, 1, 10_000);
        RaftClientReply r = server.snapshotManagement(req);
        if (!r.isSuccess()) throw new IOException("snapshot failed: " + r.getException());
        return r.getLogIndex();
    }

    @Override
    public void close() {
        committer.close();
        senders.shutdownNow();
        closeQuietly(client);
        closeQuietly(server);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // shutting down: nothing useful to do with a close failure
        }
    }
}
