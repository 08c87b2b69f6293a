package deltakv.engine.redis.commands;

import deltakv.engine.collections.StringValue;

/**
 * Parsed SET flags. {@code deadlineMs} is absolute (0 = none); {@code keepTtl} keeps the old deadline.
 */
record SetOptions(boolean nx, boolean xx, boolean get, boolean keepTtl, long deadlineMs) {
    boolean hasDeadline() {
        return deadlineMs != StringValue.NO_EXPIRY;
    }
}
