package deltakv.engine.redis.commands;

/**
 * Parsed SET flags. {@code deadlineMs} is absolute ({@code StringValue.NO_EXPIRY} = none); {@code keepTtl}
 * keeps the old deadline.
 */
record SetOptions(boolean nx, boolean xx, boolean get, boolean keepTtl, long deadlineMs) {}
