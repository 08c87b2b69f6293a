package deltakv.engine.redis.admin;

import deltakv.engine.Bug;
import deltakv.engine.PopBounds;
import deltakv.engine.Variant;
import java.util.Set;

/** Fixed facts about a node, set at start-up. {@code bugs}: the ANOMALIES.md flags it runs with. */
public record NodeInfo(String id, Variant variant, PopBounds popBounds, Set<Bug> bugs, long startedAtMs) {}
