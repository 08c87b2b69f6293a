package deltakv.engine.redis.admin;

/**
 * Everything the admin commands and INFO read or control on one node.
 *
 * @param resetStats zeroes the transaction and conflict counters (DKV.STATS RESET, between benchmark phases)
 */
public record AdminContext(NodeInfo info, NodeStatus status, ClockControl clock, CompactorControl compactor,
                           Runnable resetStats) {}
