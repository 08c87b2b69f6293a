package deltakv.nemesis.net;

/**
 * What a link does to the bytes crossing it right now. {@code cut} stalls the link (nothing is read or
 * forwarded, nothing is dropped); {@code delayMillis ± jitterMillis} holds each chunk before forwarding it
 * (never reordering); {@code bytesPerSecond} (0 = unlimited) throttles it.
 */
public record LinkFaults(boolean cut, long delayMillis, long jitterMillis, long bytesPerSecond) {
    public static final LinkFaults PASS = new LinkFaults(false, 0, 0, 0);
    public static final LinkFaults CUT = new LinkFaults(true, 0, 0, 0);

    public LinkFaults {
        if (delayMillis < 0 || jitterMillis < 0 || bytesPerSecond < 0) {
            throw new IllegalArgumentException("link delay, jitter and rate must be >= 0");
        }
    }

    public static LinkFaults slow(long delayMillis, long jitterMillis, long bytesPerSecond) {
        return new LinkFaults(false, delayMillis, jitterMillis, bytesPerSecond);
    }

    /** True when chunks go straight through (the fast path). */
    boolean passes() {
        return !cut && delayMillis == 0 && jitterMillis == 0 && bytesPerSecond == 0;
    }
}
