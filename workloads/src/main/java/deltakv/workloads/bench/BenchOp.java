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
    RPUSH_LPOP,
    /** every client HSETs a new field (its unique element) of the point's hashes */
    HSET,
    /** every client SADDs a new member */
    SADD,
    /** every client ZADDs a new member (score 1: members of equal score sort by bytes) */
    ZADD,
    /** every client INCRs the point's counters */
    INCR;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static BenchOp parse(String s) {
        for (BenchOp o : values()) if (o.cliName().equals(s)) return o;
        throw new IllegalArgumentException("unknown op '" + s + "' (expected rpush, lpush, lpop, rpush-lpop, hset, sadd, zadd or incr)");
    }

    /** Whether client {@code id} of {@code clients} pushes (otherwise it pops). */
    boolean producer(int id) {
        return switch (this) {
            case LPOP -> false;
            case RPUSH_LPOP -> id % 2 == 0;
            default -> true;
        };
    }

    /** Whether the op works on lists (prefill, LRANGE end check) rather than a hash, set, sorted set or counter. */
    boolean onLists() {
        return ordinal() <= RPUSH_LPOP.ordinal();
    }

    /** The key client {@code id} works on: producer/consumer pairs share one, so every list has both. */
    int key(int id, int keys) {
        return (this == RPUSH_LPOP ? id / 2 : id) % keys;
    }
}
