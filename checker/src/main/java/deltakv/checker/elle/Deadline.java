package deltakv.checker.elle;

/** A wall-clock budget for cycle search. */
public final class Deadline {
    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    public static Deadline in(double seconds) {
        return new Deadline(System.nanoTime() + (long) (seconds * 1e9));
    }

    public boolean passed() {
        return System.nanoTime() - endNanos > 0;
    }

    /** The earlier of this deadline and {@code seconds} from now. */
    public Deadline slice(double seconds) {
        long s = System.nanoTime() + (long) (seconds * 1e9);
        return new Deadline(s - endNanos < 0 ? s : endNanos);
    }
}
