package deltakv.nemesis.cluster;

import java.io.IOException;
import java.util.List;

/** A node's answer to DKV.ROLE: role (leader, follower, candidate; "down" if unreachable) and leader id. */
public record NodeRole(String role, String leader, long term, long appliedTs) {
    public static final NodeRole DOWN = new NodeRole("down", null, 0, 0);

    public static NodeRole query(String host, int redisPort, int timeoutMillis) {
        try {
            List<String> kv = RespProbe.call(host, redisPort, timeoutMillis, "DKV.ROLE");
            String role = null;
            String leader = null;
            long term = 0;
            long applied = 0;
            for (int i = 0; i + 1 < kv.size(); i += 2) {
                String v = kv.get(i + 1);
                switch (kv.get(i)) {
                    case "role" -> role = v;
                    case "leader" -> leader = v;
                    case "term" -> term = Long.parseLong(v);
                    case "applied_ts" -> applied = Long.parseLong(v);
                    default -> { }
                }
            }
            return role == null ? DOWN : new NodeRole(role, leader, term, applied);
        } catch (IOException | RuntimeException e) {
            return DOWN;
        }
    }

    public boolean isLeader() {
        return "leader".equals(role);
    }
}
