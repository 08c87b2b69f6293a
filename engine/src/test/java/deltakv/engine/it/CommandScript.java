package deltakv.engine.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded random script of list, string, counter, hash, set, sorted-set and transaction commands, including
 * error cases (wrong arity, WRONGTYPE, bad counts, indexes, scores and options, syntax errors, unknown
 * commands, EXECABORT, WATCH). Keys are few so that types collide often; each collection type prefers its
 * own two keys, so collections also grow. The same seed always gives the same script. Commands whose reply
 * order Redis does not define (HGETALL, HKEYS, HVALS, SMEMBERS) and SPOP are never queued in MULTI: the
 * test compares them outside a block only ({@link #UNORDERED}, {@link RedisDifferentialTest}).
 */
public final class CommandScript {
    static final String[] KEYS = {"q1", "q2", "q3", "s1", "s2", "h1", "h2", "t1", "t2", "z1", "z2"};
    private static final String[] HASH_KEYS = {"h1", "h2"};
    private static final String[] SET_KEYS = {"t1", "t2"};
    private static final String[] ZSET_KEYS = {"z1", "z2"};
    private static final String[] FIELDS = {"f1", "f2", "f3", "f4", "", "ünï"};
    private static final String[] SCORES = {"1", "2", "2.5", "-1", "0", "1e3", "inf", "-inf", "1.1", "0.1", "-0", "x", "nan",
            "(1", "1e400", " 1", "0e5", "0x1p-2000", "0x10", "1e-400"};
    private static final String[] BOUNDS = {"-inf", "+inf", "(1", "2", "(2.5", "0", "x", "1e3", "(inf", "1.1"};
    /** Commands whose replies are compared as multisets (HGETALL as a multiset of field-value pairs). */
    static final java.util.Set<String> UNORDERED = java.util.Set.of("HGETALL", "HKEYS", "HVALS", "SMEMBERS");
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
        for (int i = 0; i < n; i++) b.add(rnd.nextInt(12) == 0 ? arityError() : dataCommand(true));
        b.add(List.of(rnd.nextInt(6) == 0 ? "DISCARD" : "EXEC"));
        return b;
    }

    private List<List<String>> watchBlock() {
        List<List<String>> b = new ArrayList<>();
        String k = key();
        b.add(List.of("WATCH", k));
        if (rnd.nextBoolean()) b.add(modification(k)); // modified by us (unless it is a WRONGTYPE): EXEC must abort
        b.add(List.of("MULTI"));
        b.add(dataCommand(true));
        b.add(List.of("EXEC"));
        return b;
    }

    /** A write of some type to {@code k}: a WATCH of any type must see it. */
    private List<String> modification(String k) {
        return switch (rnd.nextInt(5)) {
            case 0 -> List.of("HSET", k, pick(FIELDS), value());
            case 1 -> List.of("SADD", k, pick(FIELDS));
            case 2 -> List.of("ZADD", k, "1", pick(FIELDS));
            case 3 -> List.of("INCR", k);
            default -> List.of("RPUSH", k, value());
        };
    }

    private List<String> command() {
        int r = rnd.nextInt(100);
        if (r < 4) return arityError();
        if (r < 6) return List.of("FOO", key(), value());
        if (r < 7) return List.of("DBSIZE");
        if (r < 8) return List.of("FLUSHALL");
        if (r < 9) return List.of("EXEC");
        return dataCommand(false);
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

    private List<String> dataCommand(boolean inMulti) {
        int family = rnd.nextInt(100);
        if (family < 20) return hashCommand(inMulti);
        if (family < 35) return setCommand(inMulti);
        if (family < 55) return zsetCommand();
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

    private String key(String[] home) {
        return rnd.nextInt(10) < 7 ? pick(home) : key();
    }

    private List<String> hashCommand(boolean inMulti) {
        String k = key(HASH_KEYS);
        int r = rnd.nextInt(inMulti ? 15 : 19);
        return switch (r) {
            case 0, 1, 2 -> pairs(new ArrayList<>(List.of(rnd.nextBoolean() ? "HSET" : "HMSET", k)), FIELDS, VALUES);
            case 3 -> List.of("HSETNX", k, pick(FIELDS), value());
            case 4, 5 -> List.of("HGET", k, pick(FIELDS));
            case 6 -> List.of("HMGET", k, pick(FIELDS), pick(FIELDS), pick(FIELDS));
            case 7, 8 -> List.of("HDEL", k, pick(FIELDS), pick(FIELDS));
            case 9 -> List.of("HEXISTS", k, pick(FIELDS));
            case 10 -> List.of("HLEN", k);
            case 11, 12 -> List.of("HINCRBY", k, pick(FIELDS), pick(INCREMENTS));
            case 13 -> List.of("HSTRLEN", k, pick(FIELDS));
            case 14 -> List.of("HSET", k, pick(FIELDS)); // odd arguments
            case 15, 16 -> List.of("HGETALL", k);
            case 17 -> List.of("HKEYS", k);
            default -> List.of("HVALS", k);
        };
    }

    private List<String> setCommand(boolean inMulti) {
        String k = key(SET_KEYS);
        int r = rnd.nextInt(inMulti ? 10 : 14);
        return switch (r) {
            case 0, 1, 2, 3 -> withMembers(new ArrayList<>(List.of("SADD", k)));
            case 4, 5 -> withMembers(new ArrayList<>(List.of("SREM", k)));
            case 6 -> List.of("SCARD", k);
            case 7 -> List.of("SISMEMBER", k, pick(FIELDS));
            case 8 -> List.of("SMISMEMBER", k, pick(FIELDS), pick(FIELDS));
            case 9 -> List.of("SADD", k);
            case 10, 11 -> List.of("SMEMBERS", k);
            case 12 -> List.of("SPOP", k);
            default -> List.of("SPOP", k, pick(COUNTS));
        };
    }

    private List<String> zsetCommand() {
        String k = key(ZSET_KEYS);
        return switch (rnd.nextInt(22)) {
            case 0, 1, 2, 3 -> zadd(k);
            case 4 -> List.of("ZINCRBY", k, pick(SCORES), pick(FIELDS));
            case 5, 6 -> List.of("ZREM", k, pick(FIELDS), pick(FIELDS));
            case 7 -> List.of("ZCARD", k);
            case 8 -> List.of("ZSCORE", k, pick(FIELDS));
            case 9, 10 -> zrange(k);
            case 11 -> withScores(new ArrayList<>(List.of("ZRANGEBYSCORE", k, pick(BOUNDS), pick(BOUNDS))), true);
            case 12 -> withScores(new ArrayList<>(List.of("ZREVRANGEBYSCORE", k, pick(BOUNDS), pick(BOUNDS))), true);
            case 13 -> withScores(new ArrayList<>(List.of("ZREVRANGE", k, pick(INDEXES), pick(INDEXES))), false);
            case 14 -> List.of(rnd.nextBoolean() ? "ZRANK" : "ZREVRANK", k, pick(FIELDS));
            case 15 -> List.of("ZCOUNT", k, pick(BOUNDS), pick(BOUNDS));
            case 16, 17 -> rnd.nextBoolean() ? List.of("ZPOPMIN", k) : List.of("ZPOPMIN", k, pick(COUNTS));
            case 18 -> rnd.nextBoolean() ? List.of("ZPOPMAX", k) : List.of("ZPOPMAX", k, pick(COUNTS));
            case 19 -> List.of("ZADD", k, pick(SCORES));
            default -> List.of("ZADD", k, "CH", pick(SCORES), pick(FIELDS), pick(SCORES), pick(FIELDS));
        };
    }

    private List<String> zadd(String k) {
        List<String> c = new ArrayList<>(List.of("ZADD", k));
        String[] flags = {"NX", "XX", "GT", "LT", "CH", "INCR"};
        for (String f : flags) if (rnd.nextInt(6) == 0) c.add(f);
        int pairs = c.contains("INCR") && rnd.nextInt(4) > 0 ? 1 : 1 + rnd.nextInt(3);
        for (int i = 0; i < pairs; i++) {
            c.add(rnd.nextInt(8) == 0 ? pick(SCORES) : pick(new String[] {"1", "2", "3", "2.5", "-1", "0.1", "1e3"}));
            c.add(pick(FIELDS));
        }
        return c;
    }

    private List<String> zrange(String k) {
        List<String> c = new ArrayList<>(List.of("ZRANGE", k));
        boolean byScore = rnd.nextInt(3) == 0;
        boolean rev = rnd.nextBoolean();
        if (byScore) {
            c.add(pick(BOUNDS));
            c.add(pick(BOUNDS));
            c.add("BYSCORE");
        } else {
            c.add(pick(INDEXES));
            c.add(pick(INDEXES));
        }
        if (rev) c.add("REV");
        if (rnd.nextInt(4) == 0) c.addAll(List.of("LIMIT", pick(COUNTS), pick(COUNTS)));
        if (rnd.nextBoolean()) c.add("WITHSCORES");
        if (rnd.nextInt(20) == 0) c.add("BOGUS");
        return c;
    }

    private List<String> withScores(List<String> c, boolean limit) {
        if (rnd.nextBoolean()) c.add("WITHSCORES");
        if (limit && rnd.nextInt(3) == 0) c.addAll(List.of("LIMIT", pick(COUNTS), pick(COUNTS)));
        return c;
    }

    private List<String> pairs(List<String> head, String[] fields, String[] values) {
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            head.add(pick(fields));
            head.add(pick(values));
        }
        return head;
    }

    private List<String> withMembers(List<String> head) {
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) head.add(pick(FIELDS));
        return head;
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
