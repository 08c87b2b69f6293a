package deltakv.engine.collections;

import java.util.Locale;

/** What a user key holds, as TYPE reports it. */
public enum KeyType {
    NONE,
    STRING,
    LIST,
    HASH,
    SET,
    ZSET;

    public String redisName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
