package deltakv.nemesis.clock;

import deltakv.nemesis.cluster.ClusterControl;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock strobe in progress: a thread flips the nodes' offsets between {@code shift} and 0 every
 * {@code period} ms until stopped (whoever stops it resets the clocks). A node that does not answer is
 * skipped for that flip (it may be paused or killed by another fault). {@link #flips} counts the changes
 * after the first shift.
 */
final class Strobe {
    private final Thread thread;
    private final AtomicLong flips = new AtomicLong();
    private volatile boolean stopped;

    private Strobe(ClusterControl cluster, List<String> nodes, long shift, long period) {
        thread = new Thread(() -> {
            boolean shifted = true; // start() shifted them
            while (!stopped) {
                try {
                    Thread.sleep(period);
                } catch (InterruptedException e) {
                    break;
                }
                shifted = !shifted;
                Clock.set(cluster, nodes, shifted ? shift : 0); // a node that does not answer skips this flip
                flips.incrementAndGet();
            }
        }, "clock-strobe");
        thread.setDaemon(true);
    }

    static Strobe start(ClusterControl cluster, List<String> nodes, long shift, long period) {
        Strobe s = new Strobe(cluster, nodes, shift, period);
        Clock.set(cluster, nodes, shift); // shifted already when the start is recorded
        s.thread.start();
        return s;
    }

    long flips() {
        return flips.get();
    }

    void stop() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join();
    }
}
