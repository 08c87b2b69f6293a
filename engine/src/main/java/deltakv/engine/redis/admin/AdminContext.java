package deltakv.engine.redis.admin;

/** Everything the admin commands and INFO read or control on one node. */
public record AdminContext(NodeInfo info, NodeStatus status, ClockControl clock, CompactorControl compactor) {}
