package deltakv.checker.elle;

/** Dependency relations between transactions, as bits so an edge can carry several at once. */
public final class Rel {
    public static final int WW = 1;
    public static final int WR = 2;
    public static final int RW = 4;
    public static final int PROCESS = 8;
    public static final int REALTIME = 16;
    public static final int DATA = WW | WR | RW;

    private Rel() {}

    public static String name(int rel) {
        return switch (rel) {
            case WW -> "ww";
            case WR -> "wr";
            case RW -> "rw";
            case PROCESS -> "process";
            case REALTIME -> "realtime";
            default -> "rels-" + rel;
        };
    }
}
