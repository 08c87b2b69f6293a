package deltakv.engine.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded random script of list, string, counter and transaction commands, including error cases (wrong arity,
 * WRONGTYPE, bad counts and indexes, syntax errors, unknown commands, EXECABORT, WATCH). Keys are few so
 * that types collide often. The same seed always gives the same script.
 */
public final class CommandScript {
    private static final String[] KEYS = {"q1", "q2", "q3", "s1", "s2"};
    private static final String[] VALUES = {"a", "b", "c", "d", "e", "", "hello world", "ünï", "7", "-3",
            "9223372036854775807"};
    private static final String[] INCREMENTS = {"1", "5", "-2", "0", "x", "1.5", "9223372036854775807",
            "-9223372036854775808", " 3", "+4", "007"};
    private static final String[] COUNTS = {"0", "1", "2", "3", "5", "-1", "x", "100"};
    private static final String[] INDEXES = {"0", "1", "2", "-1", "-2", "-3", "5", "-100", "100", "x"};

    private final Random rnd;

    public CommandScript(long seed) {
        this.rnd = new Random(seed);
    }

    /** {@code n} steps; a step is one command line (MULTI blocks become several consecutive lines). */
    public List<List<String>> generate(int n) {
        List<List<String>> out = new ArrayList<>();
        while (out.size() < n) {
            int r = rnd.nextInt(100);
            if (r < 8) out.addAll(multiBlock());
            else if (r < 10) out.addAll(watchBlock());
            else out.add(command());
        }
        return out;
    }

    private List<List<String>> multiBlock() {
        List<List<String>> b = new ArrayList<>();
        b.add(List.of("MULTI"));
        int n = 1 + rnd.nextInt(5);
        for (int i = 0; i < n; i++) b.add(rnd.nextInt(12) == 0 ? arityError() : dataCommand());
        b.add(List.of(rnd.nextInt(6) == 0 ? "DISCARD" : "EXEC"));
        return b;
    }

    private List<List<String>> watchBlock() {
        List<List<String>> b = new ArrayList<>();
        String k = key();
        b.add(List.of("WATCH", k));
        if (rnd.nextBoolean()) b.add(List.of("RPUSH", k, value())); // modified by us: EXEC must abort
        b.add(List.of("MULTI"));
        b.add(dataCommand());
        b.add(List.of("EXEC"));
        return b;
    }

    private List<String> command() {
        int r = rnd.nextInt(100);
        if (r < 4) return arityError();
        if (r < 6) return List.of("FOO", key(), value());
        if (r < 7) return List.of("DBSIZE");
        if (r < 8) return List.of("FLUSHALL");
        if (r < 9) return List.of("EXEC");
        return dataCommand();
    }

    private List<String> arityError() {
        return switch (rnd.nextInt(7)) {
            case 6 -> List.of("INCRBY", key());
            case 0 -> List.of("LLEN");
            case 1 -> List.of("RPUSH", key());
            case 2 -> List.of("GET", key(), key());
            case 3 -> List.of("LRANGE", key(), "0");
            case 4 -> List.of("LINDEX", key());
            default -> List.of("RPOPLPUSH", key());
        };
    }

    private List<String> dataCommand() {
        String k = key();
        return switch (rnd.nextInt(26)) {
            case 0, 1, 2 -> withValues(List.of("RPUSH", k));
            case 3, 4 -> withValues(List.of("LPUSH", k));
            case 5 -> withValues(List.of("RPUSHX", k));
            case 6 -> withValues(List.of("LPUSHX", k));
            case 7, 8 -> rnd.nextBoolean() ? List.of("LPOP", k) : List.of("LPOP", k, pick(COUNTS));
            case 9 -> rnd.nextBoolean() ? List.of("RPOP", k) : List.of("RPOP", k, pick(COUNTS));
            case 10 -> List.of("LLEN", k);
            case 11, 12 -> List.of("LRANGE", k, pick(INDEXES), pick(INDEXES));
            case 13 -> List.of("LINDEX", k, pick(INDEXES));
            case 14 -> List.of("RPOPLPUSH", k, key());
            case 15 -> List.of("LMOVE", k, key(), side(), side());
            case 16 -> List.of("GET", k);
            case 17 -> set(k);
            case 18 -> rnd.nextBoolean() ? List.of("DEL", k) : List.of("UNLINK", k, key());
            case 19 -> List.of("EXISTS", k, key(), k);
            case 20 -> List.of("TYPE", k);
            case 22 -> List.of("INCR", k);
            case 23 -> List.of("DECR", k);
            case 24 -> List.of("INCRBY", k, pick(INCREMENTS));
            case 25 -> List.of("DECRBY", k, pick(INCREMENTS));
            default -> List.of("DEL", k, key());
        };
    }

    private List<String> set(String k) {
        List<String> c = new ArrayList<>(List.of("SET", k, value()));
        switch (rnd.nextInt(9)) {
            case 0 -> c.add("NX");
            case 1 -> c.add("XX");
            case 2 -> c.addAll(List.of("EX", "100"));
            case 3 -> c.addAll(List.of("PX", "100000"));
            case 4 -> c.addAll(List.of("NX", "XX"));
            case 5 -> c.addAll(List.of("EX", rnd.nextBoolean() ? "0" : "abc"));
            case 6 -> c.addAll(List.of("XX", "EX", "50"));
            case 7 -> c.add("BOGUS");
            default -> { }
        }
        return c;
    }

    private String side() {
        return switch (rnd.nextInt(9)) {
            case 0 -> "UP";
            case 1, 2, 3, 4 -> "LEFT";
            default -> "RIGHT";
        };
    }

    private List<String> withValues(List<String> head) {
        List<String> c = new ArrayList<>(head);
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) c.add(value());
        return c;
    }

    private String key() {
        return pick(KEYS);
    }

    private String value() {
        return pick(VALUES);
    }

    private String pick(String[] a) {
        return a[rnd.nextInt(a.length)];
    }
}
