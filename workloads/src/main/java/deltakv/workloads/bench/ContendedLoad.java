package deltakv.workloads.bench;

import deltakv.workloads.client.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import redis.clients.jedis.Jedis;

/**
 * Closed-loop load of one {@link LoadPoint}: each client has its own Jedis connection (clients spread over
 * {@code ports}) and sends one command per call, recording the latency of every successful call while
 * measuring. Afterwards the lists (hashes, sets, sorted sets, counters) are read back for the {@link EndCheck}.
 */
public final class ContendedLoad {
    private static final int TIMEOUT_MILLIS = 30_000;
    private static final int PREFILL_BATCH = 500;
    private static final int READ_PAGE = 10_000;
    private static final long READ_BACK_MILLIS = 60_000;

    private ContendedLoad() {}

    public static LoadResult run(List<Integer> ports, LoadPoint p) throws InterruptedException {
        Ledger prefill = prefill(ports.get(0), p);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        Client[] clients = new Client[p.clients()];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < p.clients(); c++) {
            clients[c] = new Client(c, ports.get(c % ports.size()), p, measuring, running);
            Thread t = new Thread(clients[c]::loop, "bench-" + c);
            t.start();
            threads.add(t);
        }
        Thread.sleep((long) (p.warmupSeconds() * 1000));
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep((long) (p.seconds() * 1000));
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread t : threads) t.join(60_000);

        long ops = 0;
        long errors = 0;
        long empty = 0;
        List<Ledger> ledgers = new ArrayList<>();
        ledgers.add(prefill);
        for (Client c : clients) {
            ops += c.count;
            errors += c.errors;
            empty += c.empty;
            ledgers.add(c.ledger);
        }
        long[] all = new long[(int) ops];
        int at = 0;
        for (Client c : clients) {
            System.arraycopy(c.latencies, 0, all, at, c.count);
            at += c.count;
        }
        Arrays.sort(all);
        EndCheck end = p.op() == BenchOp.INCR ? Ledger.checkCount(ledgers, counted(ports.get(0), p))
                : Ledger.check(ledgers, remaining(ports.get(0), p), cardinalityOff(ports.get(0), p));
        return new LoadResult(p, ops, errors, empty, elapsed, ops / elapsed, pct(all, 0.50), pct(all, 0.99), end);
    }

    /** Fills every list with {@code prefillPerKey} elements, in batches of {@value #PREFILL_BATCH}. */
    private static Ledger prefill(int port, LoadPoint p) {
        Ledger l = new Ledger();
        if (p.prefillPerKey() == 0) return l;
        try (Connection c = connection(port, p)) {
            for (int k = 0; k < p.keys(); k++) {
                for (int from = 0; from < p.prefillPerKey(); from += PREFILL_BATCH) {
                    String[] batch = new String[Math.min(PREFILL_BATCH, p.prefillPerKey() - from)];
                    for (int i = 0; i < batch.length; i++) batch[i] = "p" + k + "-" + (from + i);
                    try {
                        c.jedis().rpush(c.key(k), batch);
                        l.acknowledged.addAll(Arrays.asList(batch));
                    } catch (RuntimeException e) {
                        l.uncertain.addAll(Arrays.asList(batch));
                    }
                }
            }
        }
        return l;
    }

    /** Everything left in the lists (read in pages), or every field / member of the hashes, sets, sorted sets. */
    private static List<String> remaining(int port, LoadPoint p) {
        List<String> out = new ArrayList<>();
        try (Connection c = connection(port, p)) {
            for (int k = 0; k < p.keys(); k++) {
                String key = c.key(k);
                switch (p.op()) {
                    case HSET -> out.addAll(readBack(() -> c.jedis().hkeys(key)));
                    case SADD -> out.addAll(readBack(() -> c.jedis().smembers(key)));
                    case ZADD -> out.addAll(readBack(() -> c.jedis().zrange(key, 0, -1)));
                    default -> { }
                }
                if (!p.op().onLists()) continue;
                for (long from = 0; ; from += READ_PAGE) {
                    long at = from;
                    List<String> page = readBack(() -> c.jedis().lrange(key, at, at + READ_PAGE - 1));
                    out.addAll(page);
                    if (page.size() < READ_PAGE) break;
                }
            }
        }
        return out;
    }

    /** Σ over the point's hashes, sets or sorted sets of |HLEN/SCARD/ZCARD − the fields read back|; 0 for lists. */
    private static long cardinalityOff(int port, LoadPoint p) {
        if (p.op().onLists() || p.op() == BenchOp.INCR) return 0;
        long off = 0;
        try (Connection c = connection(port, p)) {
            for (int k = 0; k < p.keys(); k++) {
                String key = c.key(k);
                long card = switch (p.op()) {
                    case HSET -> readBack(() -> c.jedis().hlen(key)) - readBack(() -> c.jedis().hkeys(key)).size();
                    case SADD -> readBack(() -> c.jedis().scard(key)) - readBack(() -> c.jedis().smembers(key)).size();
                    default -> readBack(() -> c.jedis().zcard(key)) - readBack(() -> c.jedis().zrange(key, 0, -1)).size();
                };
                off += Math.abs(card);
            }
        }
        return off;
    }

    /** The sum of the counters' values at the end. */
    private static long counted(int port, LoadPoint p) {
        long sum = 0;
        try (Connection c = connection(port, p)) {
            for (int k = 0; k < p.keys(); k++) {
                String key = c.key(k);
                String v = readBack(() -> c.jedis().get(key));
                if (v != null) sum += Long.parseLong(v);
            }
        }
        return sum;
    }

    /**
     * A read of the end check, retried on error replies for up to {@value #READ_BACK_MILLIS} ms: right after
     * a heavy point the engine may still be folding deltas, and a read past the hard limit answers
     * -TRYAGAIN until the compaction is done. Still failing: the error, as it is.
     */
    private static <T> T readBack(java.util.function.Supplier<T> read) {
        long deadline = System.currentTimeMillis() + READ_BACK_MILLIS;
        while (true) {
            try {
                return read.get();
            } catch (redis.clients.jedis.exceptions.JedisDataException e) {
                if (System.currentTimeMillis() > deadline) throw e;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** A connection whose {@link Connection#key} of list {@code i} is the point's {@code prefix:i}. */
    private static Connection connection(int port, LoadPoint p) {
        return new Connection("127.0.0.1:" + port, "127.0.0.1", port, p.prefix() + ":", TIMEOUT_MILLIS);
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    /** One client thread: its connection, counters and ledger (read by the main thread after join). */
    private static final class Client {
        final int id;
        final int port;
        final LoadPoint p;
        final AtomicBoolean measuring;
        final AtomicBoolean running;
        final Ledger ledger = new Ledger();
        long[] latencies = new long[1 << 14];
        int count;
        long errors;
        long empty;

        Client(int id, int port, LoadPoint p, AtomicBoolean measuring, AtomicBoolean running) {
            this.id = id;
            this.port = port;
            this.p = p;
            this.measuring = measuring;
            this.running = running;
        }

        void loop() {
            Connection c = connection(port, p);
            String key = c.key(p.op().key(id, p.keys()));
            boolean producer = p.op().producer(id);
            for (long seq = 0; running.get(); seq++) {
                String element = producer ? "c" + id + "-" + seq : null;
                try {
                    Jedis j = c.jedis();
                    long t0 = System.nanoTime();
                    boolean counted = producer ? push(j, key, element) : pop(j, key);
                    long d = System.nanoTime() - t0;
                    if (measuring.get()) {
                        if (!counted) {
                            empty++;
                        } else {
                            if (count == latencies.length) latencies = Arrays.copyOf(latencies, count * 2);
                            latencies[count++] = d;
                        }
                    }
                } catch (RuntimeException e) {
                    if (producer) ledger.uncertain.add(element);
                    else ledger.uncertainPops++;
                    if (measuring.get()) errors++;
                    c.reset(); // the reply may still be in flight: reconnect
                }
            }
            c.close();
        }

        private boolean push(Jedis j, String key, String element) {
            switch (p.op()) {
                case LPUSH -> j.lpush(key, element);
                case HSET -> j.hset(key, element, "v");
                case SADD -> j.sadd(key, element);
                case ZADD -> j.zadd(key, 1, element);
                case INCR -> j.incr(key);
                default -> j.rpush(key, element);
            }
            ledger.acknowledged.add(element);
            return true;
        }

        /** False if the list was empty. */
        private boolean pop(Jedis j, String key) {
            String got = j.lpop(key);
            if (got == null) return false;
            ledger.popped.add(got);
            return true;
        }
    }
}
