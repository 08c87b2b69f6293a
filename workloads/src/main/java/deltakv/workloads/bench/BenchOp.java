package deltakv.workloads.bench;

import java.util.Locale;

/** What the clients of one bench point send. */
public enum BenchOp {
    /** every client RPUSHes one element per call */
    RPUSH,
    /** every client LPUSHes one element per call */
    LPUSH,
    /** every client LPOPs from lists filled beforehand */
    LPOP,
    /** half the clients RPUSH (producers), the other half LPOP the same lists (consumers) */
    RPUSH_LPOP;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static BenchOp parse(String s) {
        for (BenchOp o : values()) if (o.cliName().equals(s)) return o;
        throw new IllegalArgumentException("unknown op '" + s + "' (expected rpush, lpush, lpop or rpush-lpop)");
    }

    /** Whether client {@code id} of {@code clients} pushes (otherwise it pops). */
    boolean producer(int id) {
        return switch (this) {
            case RPUSH, LPUSH -> true;
            case LPOP -> false;
            case RPUSH_LPOP -> id % 2 == 0;
        };
    }

    /** The list client {@code id} works on: producer/consumer pairs share one, so every list has both. */
    int key(int id, int keys) {
        return (this == RPUSH_LPOP ? id / 2 : id) % keys;
    }
}
