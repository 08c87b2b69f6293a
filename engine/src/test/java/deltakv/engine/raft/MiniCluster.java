package deltakv.engine.raft;

import deltakv.engine.Bug;
import deltakv.engine.clock.Hlc;
import deltakv.engine.clock.WallClock;
import deltakv.engine.storage.MvccStore;
import deltakv.engine.txn.StateMachineApplier;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * N in-process Raft members, each with its own RocksDB store and Raft folder under one temp dir and
 * its own free ports, so replication tests are one-liners: {@code leader()}, {@code kill(id)},
 * {@code restart(id)}.
 */
final class MiniCluster implements AutoCloseable {
    /** One running member. */
    record Member(String id, MvccStore store, StateMachineApplier applier, Hlc hlc, RaftReplica replica) {}

    private final Path dir;
    private final PeerList peers;
    private final RaftSettings settings;
    private final Set<Bug> bugs;
    private final Map<String, Member> running = new LinkedHashMap<>();

    private MiniCluster(Path dir, PeerList peers, RaftSettings settings, Set<Bug> bugs) {
        this.dir = dir;
        this.peers = peers;
        this.settings = settings;
        this.bugs = bugs;
    }

    static MiniCluster start(int n, Path dir, RaftSettings settings) throws IOException {
        return start(n, dir, settings, Set.of());
    }

    static MiniCluster start(int n, Path dir, RaftSettings settings, Set<Bug> bugs) throws IOException {
        List<String> parts = new ArrayList<>();
        int[] ports = freePorts(2 * n);
        for (int i = 1; i <= n; i++) parts.add("n" + i + "=127.0.0.1:" + ports[2 * i - 2] + ":" + ports[2 * i - 1]);
        MiniCluster c = new MiniCluster(dir, PeerList.parse(String.join(",", parts)), settings, bugs);
        for (PeerAddress p : c.peers.peers()) c.restart(p.id());
        return c;
    }

    static int freePort() throws IOException {
        return freePorts(1)[0];
    }

    /** Distinct free ports: all sockets stay open until every port is picked, so none is handed out twice. */
    static int[] freePorts(int count) throws IOException {
        List<ServerSocket> open = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0);
                open.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : open) s.close();
        }
    }

    PeerList peers() {
        return peers;
    }

    Member member(String id) {
        Member m = running.get(id);
        if (m == null) throw new IllegalStateException(id + " is not running");
        return m;
    }

    List<Member> members() {
        return List.copyOf(running.values());
    }

    /** Starts (or restarts on its existing folders) member {@code id}. */
    Member restart(String id) throws IOException {
        if (running.containsKey(id)) throw new IllegalStateException(id + " is already running");
        Path home = dir.resolve(id);
        MvccStore store = MvccStore.open(home.resolve("store"));
        StateMachineApplier applier = new StateMachineApplier(store);
        Hlc hlc = new Hlc(WallClock.SYSTEM);
        RaftReplica r;
        try {
            r = new Replication(peers, home.resolve("raft"), settings, bugs).start(id, applier, hlc);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        Member m = new Member(id, store, applier, hlc, r);
        running.put(id, m);
        return m;
    }

    /** Stops member {@code id} abruptly (in-process stand-in for kill -9: no snapshot, no flush hooks). */
    void kill(String id) {
        Member m = running.remove(id);
        if (m == null) return;
        m.replica().close();
        m.store().close();
    }

    /** Waits until one running member is leader and every running member agrees on it. */
    Member leader(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            // One member says it leads and every member names it: a deposed leader that has not heard of
            // the next term yet still says "leader", and picking it (or its successor as a "follower")
            // made fault tests flaky.
            List<ReplicaStatus> all = running.values().stream().map(m -> m.replica().status()).toList();
            List<ReplicaStatus> leaders = all.stream().filter(s -> s.role().equals("leader")).toList();
            if (leaders.size() == 1) {
                String id = leaders.get(0).id();
                if (all.stream().allMatch(s -> id.equals(s.leaderId()))) return running.get(id);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no leader within " + timeout);
    }

    Member follower(Duration timeout) throws InterruptedException {
        Member l = leader(timeout);
        return running.values().stream().filter(m -> m != l).findFirst().orElseThrow();
    }

    String killLeader(Duration timeout) throws InterruptedException {
        String id = leader(timeout).id();
        kill(id);
        return id;
    }

    @Override
    public void close() {
        for (String id : List.copyOf(running.keySet())) kill(id);
    }
}
