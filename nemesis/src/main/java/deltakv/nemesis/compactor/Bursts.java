package deltakv.nemesis.compactor;

import deltakv.nemesis.cluster.ClusterControl;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compactor bursts in progress: a thread finds the leader, sends it {@value #BURST} {@code DKV.COMPACTOR RUN}
 * back to back, waits {@value #GAP_MS} ms, and again until stopped — counting the runs each node answered.
 */
final class Bursts {
    static final int BURST = 10;
    static final long GAP_MS = 100;

    private final Thread thread;
    private final Map<String, Long> runs = new TreeMap<>();
    private volatile boolean stopped;

    private Bursts(ClusterControl cluster) {
        thread = new Thread(() -> {
            while (!stopped) {
                Optional<String> leader = cluster.likelyLeader();
                if (leader.isPresent()) {
                    for (int i = 0; i < BURST && !stopped; i++) {
                        try {
                            cluster.compactor(leader.get(), "RUN");
                            synchronized (runs) {
                                runs.merge(leader.get(), 1L, Long::sum);
                            }
                        } catch (IOException | RuntimeException e) {
                            break; // it stopped answering: find the leader again
                        }
                    }
                }
                try {
                    Thread.sleep(GAP_MS);
                } catch (InterruptedException e) {
                    break;
                }
            }
        }, "compactor-bursts");
        thread.setDaemon(true);
    }

    static Bursts start(ClusterControl cluster) {
        Bursts b = new Bursts(cluster);
        b.thread.start();
        return b;
    }

    Map<String, Long> runs() {
        synchronized (runs) {
            return new TreeMap<>(runs);
        }
    }

    void stop() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join();
    }
}
