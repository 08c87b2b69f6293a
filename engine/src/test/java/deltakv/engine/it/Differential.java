package deltakv.engine.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs a {@link CommandScript} against a real redis-server ({@code expected}) and a DeltaKV endpoint
 * ({@code actual}) and reports the first step whose replies differ, then the final state key by key.
 * Replies are compared byte for byte, except where Redis defines no order (HGETALL, HKEYS, HVALS, SMEMBERS:
 * compared as multisets) or chooses at random (SPOP: checked by membership and count, then the same
 * members are removed from redis-server with SREM so both stay equal). Shared by the single-node test and
 * the cluster test in the cli module.
 */
public final class Differential {
    private Differential() {}

    /** @return null when every reply and the final state agree, else what differed, with context */
    public static String compare(RespConnection expected, RespConnection actual, List<List<String>> script, String label)
            throws IOException {
        for (int i = 0; i < script.size(); i++) {
            List<String> cmd = script.get(i);
            String problem;
            if (cmd.get(0).equals("SPOP")) {
                problem = spop(expected, actual, cmd);
            } else {
                String want = normalized(cmd, expected.call(cmd));
                String got = normalized(cmd, actual.call(cmd));
                problem = want.equals(got) ? null : "redis replied " + want + " but " + label + " replied " + got;
            }
            if (problem != null) return "step " + i + " " + cmd + ": " + problem + "\ncontext:\n" + context(script, i);
        }
        for (String k : CommandScript.KEYS) {
            for (List<String> probe : List.of(List.of("TYPE", k), List.of("LRANGE", k, "0", "-1"), List.of("LLEN", k),
                    List.of("HGETALL", k), List.of("SMEMBERS", k), List.of("ZRANGE", k, "0", "-1", "WITHSCORES"))) {
                String want = normalized(probe, expected.call(probe));
                String got = normalized(probe, actual.call(probe));
                if (!want.equals(got)) return "final " + probe + ": redis has " + want + " but " + label + " has " + got;
            }
        }
        String want = expected.call("DBSIZE");
        String got = actual.call("DBSIZE");
        return want.equals(got) ? null : "final DBSIZE: redis " + want + ", " + label + " " + got;
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
    private static String spop(RespConnection expected, RespConnection actual, List<String> cmd) throws IOException {
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
