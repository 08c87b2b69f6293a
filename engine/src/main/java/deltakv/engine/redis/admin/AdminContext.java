package deltakv.engine.redis.admin;

import deltakv.engine.redis.ClientStats;

/**
 * Everything the admin commands and INFO read or control on one node.
 *
 * @param clients    the Redis front's connection counters
 * @param resetStats zeroes the transaction and conflict counters (DKV.STATS RESET, between benchmark phases)
 */
public record AdminContext(NodeInfo info, NodeStatus status, ClockControl clock, CompactorControl compactor,
                           ClientStats clients, Runnable resetStats) {}
