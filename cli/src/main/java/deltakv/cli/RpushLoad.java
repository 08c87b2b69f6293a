package deltakv.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;

/**
 * Closed-loop RPUSH load: each client has its own Jedis connection (clients spread over the nodes)
 * and pushes one element per call to one of {@code keys} lists, recording every call's latency.
 */
final class RpushLoad {
    /** RESP2 without Jedis' RESP3 auto-negotiation (the server speaks RESP2; it would warn per connection). */
    private static final JedisClientConfig CLIENT = DefaultJedisClientConfig.builder()
            .timeoutMillis(30_000).autoNegotiateProtocol(false).build();

    /** One measured run. */
    record Result(int clients, int keys, long ops, long errors, double seconds, double opsPerSecond,
                  double p50Ms, double p99Ms) {}

    private RpushLoad() {}

    static Result run(List<Integer> ports, int clients, int keys, double warmupSeconds, double seconds, String prefix)
            throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        long[][] lat = new long[clients][];
        int[] counts = new int[clients];
        long[] errors = new long[clients];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int id = c;
            lat[c] = new long[1 << 16];
            Thread t = new Thread(() -> loop(ports.get(id % ports.size()), id, keys, prefix, measuring, running,
                    lat, counts, errors), "rpush-" + c);
            t.start();
            threads.add(t);
        }
        Thread.sleep((long) (warmupSeconds * 1000));
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread t : threads) t.join(30_000);
        long total = 0;
        long errs = 0;
        for (int c = 0; c < clients; c++) {
            total += counts[c];
            errs += errors[c];
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(lat[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(clients, keys, total, errs, elapsed, total / elapsed, pct(all, 0.50), pct(all, 0.99));
    }

    private static void loop(int port, int id, int keys, String prefix, AtomicBoolean measuring,
                             AtomicBoolean running, long[][] lat, int[] counts, long[] errors) {
        Jedis j = null;
        for (long seq = 0; running.get(); seq++) {
            try {
                if (j == null) j = new Jedis(new redis.clients.jedis.HostAndPort("127.0.0.1", port), CLIENT);
                String key = prefix + ":" + (id % keys); // 64 keys: one list per client; 1 key: all share it
                long t0 = System.nanoTime();
                j.rpush(key, "e" + id + "-" + seq);
                long d = System.nanoTime() - t0;
                if (measuring.get()) {
                    if (counts[id] == lat[id].length) lat[id] = Arrays.copyOf(lat[id], lat[id].length * 2);
                    lat[id][counts[id]++] = d;
                }
            } catch (RuntimeException e) {
                if (measuring.get()) errors[id]++;
                if (j != null) j.close();
                j = null;
            }
        }
        if (j != null) j.close();
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
