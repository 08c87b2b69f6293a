package deltakv.engine.redis.admin;

import deltakv.engine.Variant;
import java.util.Set;

/** Fixed facts about a node, set at start-up. {@code bugs} are ANOMALIES.md flag ids. */
public record NodeInfo(String id, Variant variant, Set<String> bugs, long startedAtMs) {}
