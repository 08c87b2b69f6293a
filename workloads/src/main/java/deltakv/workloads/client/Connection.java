package deltakv.workloads.client;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * One worker's Jedis connection to one node, opened lazily and dropped after any ambiguous failure (the
 * next command reconnects). Every key a workload sends goes through {@link #key}, which adds the run's
 * prefix, so a run never touches other data on a server the user runs.
 */
public final class Connection implements AutoCloseable {
    private final String node;
    private final String host;
    private final int port;
    private final String keyPrefix;
    private final int timeoutMillis;
    private final long[] opCount;
    private Jedis jedis;

    public Connection(String node, String host, int port, String keyPrefix, int timeoutMillis) {
        this(node, host, port, keyPrefix, timeoutMillis, new long[1]);
    }

    /**
     * @param opCount the worker's count of ops sent, shared by every connection the worker opens: clients
     *                that place every n-th op inside MULTI/EXEC count on it, so which ops those are depends
     *                on the seed alone, not on when a fault made the worker reconnect (HARNESS.md §3)
     */
    public Connection(String node, String host, int port, String keyPrefix, int timeoutMillis, long[] opCount) {
        this.node = node;
        this.host = host;
        this.port = port;
        this.keyPrefix = keyPrefix;
        this.timeoutMillis = timeoutMillis;
        this.opCount = opCount;
    }

    /** Counts one more op of this worker and returns the count (1, 2, …). */
    public long nextOp() {
        return ++opCount[0];
    }

    /** The node this connection talks to (the history's {@code :node}). */
    public String node() {
        return node;
    }

    /** The connection, opened if needed; a failure to connect surfaces at the first command. */
    public Jedis jedis() {
        if (jedis == null) {
            // RESP2 without Jedis' RESP3 auto-negotiation: our server speaks RESP2, and the probe would warn.
            jedis = new Jedis(new HostAndPort(host, port), DefaultJedisClientConfig.builder()
                    .timeoutMillis(timeoutMillis).connectionTimeoutMillis(Math.min(timeoutMillis, 2000))
                    .autoNegotiateProtocol(false).build());
        }
        return jedis;
    }

    /** The Redis key for a workload key. */
    public String key(Object k) {
        return keyPrefix + k;
    }

    /** Drops the connection (after an unknown outcome the stream may hold a late reply). */
    public void reset() {
        if (jedis != null) {
            try {
                jedis.close();
            } catch (RuntimeException ignored) {
                // already broken
            }
            jedis = null;
        }
    }

    @Override
    public void close() {
        reset();
    }
}
