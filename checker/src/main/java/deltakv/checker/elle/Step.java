package deltakv.checker.elle;

import java.util.Map;

/** Why one transaction precedes the next in a cycle: the relation and its witness (key, values …). */
public record Step(String type, Map<String, Object> data) {}
