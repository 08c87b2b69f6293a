package deltakv.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import deltakv.engine.Variant;
import deltakv.nemesis.cluster.RedisServerProcess;
import deltakv.engine.node.LocalNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test: the same seeded random script of list, string, counter, hash, set, sorted-set and
 * transaction commands (error cases included) against a real redis-server and a DeltaKV node of each
 * variant must give identical replies, byte for byte — except where Redis defines no order (HGETALL,
 * HKEYS, HVALS, SMEMBERS: compared as multisets) or chooses at random (SPOP: checked by membership and
 * count, then the same members are removed from redis-server with SREM so both stay equal).
 * redis-server comes from scripts/install-test-deps.sh; CI (CI=true) fails when it is missing instead of
 * skipping.
 */
class RedisDifferentialTest {
    private static final int STEPS = 1500;
    private static RedisServerProcess redis;

    @BeforeAll
    static void startRedis() throws Exception {
        if (RedisServerProcess.binary() == null) {
            if ("true".equals(System.getenv("CI"))) fail("redis-server is required in CI: run scripts/install-test-deps.sh");
            Assumptions.abort("redis-server not installed (scripts/install-test-deps.sh installs it); differential test skipped");
        }
        redis = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (redis != null) redis.close();
    }

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Variant v : List.of(Variant.RMW, Variant.DELTA, Variant.DELTA_CF)) {
            for (long seed : new long[] {1, 2, 3, 42}) out.add(Arguments.of(v, seed));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("cases")
    void sameRepliesAsRedis(Variant variant, long seed) throws Exception {
        List<List<String>> script = new CommandScript(seed).generate(STEPS);
        try (LocalNode node = LocalNode.start(variant, Set.of());
             RespConnection expected = new RespConnection("127.0.0.1", redis.port());
             RespConnection actual = new RespConnection("127.0.0.1", node.port())) {
            assertEquals("+OK", expected.call("FLUSHALL"));
            for (int i = 0; i < script.size(); i++) {
                List<String> cmd = script.get(i);
                if (cmd.get(0).equals("SPOP")) {
                    String problem = spop(expected, actual, cmd);
                    if (problem != null) fail("step " + i + " " + cmd + ": " + problem + "\ncontext:\n" + context(script, i));
                    continue;
                }
                String want = normalized(cmd, expected.call(cmd));
                String got = normalized(cmd, actual.call(cmd));
                if (!want.equals(got)) {
                    fail("step " + i + " " + cmd + ": redis replied " + want + " but deltakv(" + variant.cliName()
                            + ") replied " + got + "\ncontext:\n" + context(script, i));
                }
            }
            // the final state must agree too, key by key
            for (String k : CommandScript.KEYS) {
                for (List<String> probe : List.of(List.of("TYPE", k), List.of("LRANGE", k, "0", "-1"), List.of("LLEN", k),
                        List.of("HGETALL", k), List.of("SMEMBERS", k), List.of("ZRANGE", k, "0", "-1", "WITHSCORES"))) {
                    String want = normalized(probe, expected.call(probe));
                    String got = normalized(probe, actual.call(probe));
                    assertEquals(want, got, "final " + probe);
                }
            }
            assertEquals(expected.call("DBSIZE"), actual.call("DBSIZE"), "final DBSIZE");
        }
    }

    /** Replies of {@link CommandScript#UNORDERED} commands with their elements (HGETALL: pairs) sorted. */
    static String normalized(List<String> cmd, String reply) {
        if (!CommandScript.UNORDERED.contains(cmd.get(0)) || !reply.startsWith("*[") || reply.equals("*[]")) return reply;
        List<String> items = List.of(reply.substring(2, reply.length() - 1).split(",", -1));
        List<String> units = new ArrayList<>();
        int step = cmd.get(0).equals("HGETALL") ? 2 : 1;
        for (int i = 0; i < items.size(); i += step) units.add(String.join(",", items.subList(i, i + step)));
        units.sort(null);
        return "*[" + String.join(",", units) + "]";
    }

    /**
     * SPOP runs on deltakv first. An error, nil or empty reply must equal redis-server's; popped members must
     * be distinct members of redis-server's set, as many as Redis would pop; they are then removed there.
     * @return what went wrong, or null
     */
    private static String spop(RespConnection expected, RespConnection actual, List<String> cmd) throws Exception {
        String got = actual.call(cmd);
        if (got.startsWith("-") || got.equals("$nil") || got.equals("*[]")) {
            String want = expected.call(cmd);
            return want.equals(got) ? null : "redis replied " + want + " but deltakv replied " + got;
        }
        List<String> popped = got.startsWith("*[") ? List.of(got.substring(2, got.length() - 1).split(",", -1)) : List.of(got);
        String key = cmd.get(1);
        long card = Long.parseLong(expected.call("SCARD", key).substring(1));
        long want = cmd.size() == 3 ? Math.min(Long.parseLong(cmd.get(2)), card) : 1;
        if (popped.size() != want || Set.copyOf(popped).size() != popped.size()) {
            return "deltakv popped " + got + " from a set of " + card + " (" + want + " expected)";
        }
        List<String> srem = new ArrayList<>(List.of("SREM", key));
        for (String p : popped) srem.add(p.substring(1));
        String removed = expected.call(srem);
        return removed.equals(":" + popped.size()) ? null : "deltakv popped " + got + ", not all members in redis (" + removed + ")";
    }

    private static String context(List<List<String>> script, int at) {
        StringBuilder sb = new StringBuilder();
        for (int j = Math.max(0, at - 12); j <= at; j++) sb.append("  ").append(j).append(": ").append(script.get(j)).append('\n');
        return sb.toString();
    }
}
