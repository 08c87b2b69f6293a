package deltakv.nemesis.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one-way route from node {@code from} to node {@code to}: every connection {@code from} opens to
 * {@code to} (Raft and relay alike) crosses it, through the proxies listening on {@link #address}. Its
 * {@link LinkFaults} apply to both directions of those connections, as a lost route does.
 */
public final class Link {
    private final String from;
    private final String to;
    private final String address;
    private final Set<Pipe> pipes = ConcurrentHashMap.newKeySet();
    /** Connections accepted while the link was cut: they reach the peer only when the cut ends. */
    private final List<Runnable> waiting = new ArrayList<>();
    private final AtomicLong bytes = new AtomicLong();
    /** Cut (partition) and delay/throttle (slow) are set by different faults and undone independently. */
    private volatile LinkFaults faults = LinkFaults.PASS;

    Link(String from, String to, String address) {
        this.from = from;
        this.to = to;
        this.address = address;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    /** The loopback address {@code from} resolves {@code to}'s name to. */
    public String address() {
        return address;
    }

    public LinkFaults faults() {
        return faults;
    }

    /** Bytes forwarded so far, both directions, every connection. */
    public long bytes() {
        return bytes.get();
    }

    /** Live connections on this link. */
    public int connections() {
        return pipes.size();
    }

    /** Applies {@code f} to every connection of the link, those open now and those to come. */
    public synchronized void set(LinkFaults f) {
        faults = f;
        for (Pipe p : pipes) p.faultsChanged();
        if (!f.cut()) {
            List<Runnable> now = List.copyOf(waiting);
            waiting.clear();
            for (Runnable r : now) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    // the mesh is closing (its event loops refuse work): that connection ends with it
                }
            }
        }
    }

    /**
     * Runs {@code connect} now, or when the cut ends if the link is cut: a new connection across a cut hangs
     * (HARNESS.md §4), so a node learns nothing across a partition, not even that the peer is down.
     */
    synchronized void connectWhenPassable(Runnable connect) {
        if (faults.cut()) waiting.add(connect);
        else connect.run();
    }

    /** Stalls the link (a partition), keeping any delay or throttle for when it heals. */
    public synchronized void cut() {
        LinkFaults f = faults;
        set(new LinkFaults(true, f.delayMillis(), f.jitterMillis(), f.bytesPerSecond()));
    }

    /** Ends a cut; a delay or throttle stays. */
    public synchronized void uncut() {
        LinkFaults f = faults;
        set(LinkFaults.slow(f.delayMillis(), f.jitterMillis(), f.bytesPerSecond()));
    }

    /** Delay and throttle (a slow link); a cut stays. */
    public synchronized void shape(long delayMillis, long jitterMillis, long bytesPerSecond) {
        set(new LinkFaults(faults.cut(), delayMillis, jitterMillis, bytesPerSecond));
    }

    /** Everything passes again. */
    public void heal() {
        set(LinkFaults.PASS);
    }

    void forwarded(long n) {
        bytes.addAndGet(n);
    }

    void add(Pipe p) {
        pipes.add(p);
    }

    void remove(Pipe p) {
        pipes.remove(p);
    }

    @Override
    public String toString() {
        return from + "->" + to;
    }
}
