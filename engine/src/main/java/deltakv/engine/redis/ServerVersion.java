package deltakv.engine.redis;

/** The Redis version the node claims (INFO, HELLO): Redis 7 semantics, marked as DeltaKV. */
public final class ServerVersion {
    public static final String REDIS_VERSION = "7.0.0-deltakv";

    private ServerVersion() {}
}
