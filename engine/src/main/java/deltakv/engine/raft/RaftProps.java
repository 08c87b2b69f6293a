package deltakv.engine.raft;

import java.io.File;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/** Builds the Ratis properties of one member from its address, storage folder and settings. */
final class RaftProps {
    private RaftProps() {}

    static RaftProperties server(PeerAddress self, File storageDir, RaftSettings s) {
        RaftProperties p = new RaftProperties();
        RaftServerConfigKeys.setStorageDir(p, List.of(storageDir));
        // Bind to the address our own peer entry names (not the wildcard): the harness' per-link
        // proxies listen on other loopback addresses with the same port.
        GrpcConfigKeys.Server.setHost(p, self.host());
        GrpcConfigKeys.Server.setPort(p, self.raftPort());
        RaftServerConfigKeys.Rpc.setTimeoutMin(p, ms(s.electionMin().toMillis()));
        RaftServerConfigKeys.Rpc.setTimeoutMax(p, ms(s.electionMax().toMillis()));
        // Short: a follower asking a dead leader for a read index should give up and retry quickly.
        RaftServerConfigKeys.Rpc.setRequestTimeout(p, ms(1500));
        // A restarted peer should get entries again within ~250 ms, not after the default backoff.
        RaftServerConfigKeys.Log.Appender.setRetryPolicy(p, "1ms,10,250ms,1000000");
        // Linearizable reads: ReadIndex, answered from the leader's lease while it holds one (see
        // docs/replication.md: the lease runs on the monotonic clock from the send time of acknowledged
        // heartbeats, so wall-clock offsets cannot stretch it), else after a heartbeat round.
        RaftServerConfigKeys.Read.setOption(p, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
        RaftServerConfigKeys.Read.setLeaderLeaseEnabled(p, true);
        // No commit-index metadata entries: Ratis appends (and replicates, and fsyncs) one after each
        // commit advance, which doubled the log rounds under load. Raft does not need the commit index
        // persisted; a restarted member learns it from the leader.
        RaftServerConfigKeys.Log.setLogMetadataEnabled(p, false);
        RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf(s.logSegmentBytes()));
        RaftServerConfigKeys.Log.setPreallocatedSize(p, SizeInBytes.valueOf(Math.min(1L << 20, s.logSegmentBytes())));
        // Ratis sends a snapshot one file per request and blocks after this many unanswered requests;
        // if the follower is down meanwhile, the appender stays blocked for good (seen with 3.3.0).
        // A checkpoint has a few dozen files: let them all be outstanding.
        GrpcConfigKeys.Server.setInstallSnapshotRequestElementLimit(p, 100_000);
        boolean snapshots = s.snapshotThreshold() > 0;
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, snapshots);
        if (snapshots) {
            RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, s.snapshotThreshold());
            RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
            RaftServerConfigKeys.Log.setPurgeGap(p, 1);
            RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, 1);
        }
        overrides(p);
        return p;
    }

    /** {@code -Ddkv.ratis.<ratis key>=<value>} on the node JVM sets any Ratis property (for experiments). */
    private static void overrides(RaftProperties p) {
        String prefix = "dkv.ratis.";
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> p.set(k.substring(prefix.length()), System.getProperty(k)));
    }

    static RaftProperties client() {
        RaftProperties p = new RaftProperties();
        RaftClientConfigKeys.Rpc.setRequestTimeout(p, ms(1500));
        RaftClientConfigKeys.Async.setOutstandingRequestsMax(p, 256);
        return p;
    }

    private static TimeDuration ms(long v) {
        return TimeDuration.valueOf(v, TimeUnit.MILLISECONDS);
    }
}
