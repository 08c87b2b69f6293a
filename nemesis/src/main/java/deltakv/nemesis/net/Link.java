package deltakv.nemesis.net;

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
    private final AtomicLong bytes = new AtomicLong();
    /** Cut (partition) and shaping (slow) are set by different faults and undone independently. */
    private volatile boolean cut;
    private volatile LinkFaults shaping = LinkFaults.PASS;
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
    public void set(LinkFaults f) {
        cut = f.cut();
        shaping = LinkFaults.slow(f.delayMillis(), f.jitterMillis(), f.bytesPerSecond());
        apply();
    }

    /** Stalls the link (a partition), keeping any delay or throttle for when it heals. */
    public void cut() {
        cut = true;
        apply();
    }

    /** Ends a cut; a delay or throttle stays. */
    public void uncut() {
        cut = false;
        apply();
    }

    /** Delay and throttle (a slow link); a cut stays. */
    public void shape(long delayMillis, long jitterMillis, long bytesPerSecond) {
        shaping = LinkFaults.slow(delayMillis, jitterMillis, bytesPerSecond);
        apply();
    }

    /** Everything passes again. */
    public void heal() {
        set(LinkFaults.PASS);
    }

    private synchronized void apply() {
        LinkFaults s = shaping;
        faults = new LinkFaults(cut, s.delayMillis(), s.jitterMillis(), s.bytesPerSecond());
        for (Pipe p : pipes) p.faultsChanged();
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
