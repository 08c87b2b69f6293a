package deltakv.engine.collections;

import static java.nio.charset.StandardCharsets.UTF_8;

import deltakv.engine.EngineConfig;
import deltakv.engine.Variant;
import deltakv.engine.clock.Hlc;
import deltakv.engine.clock.WallClock;
import deltakv.engine.redis.CommandSpec;
import deltakv.engine.redis.Reply;
import deltakv.engine.redis.commands.DataCommands;
import deltakv.engine.storage.MvccStore;
import deltakv.engine.txn.ConflictStats;
import deltakv.engine.txn.KeyRange;
import deltakv.engine.txn.LocalCommitter;
import deltakv.engine.txn.RetryPolicy;
import deltakv.engine.txn.SnapshotRegistry;
import deltakv.engine.txn.StateMachineApplier;
import deltakv.engine.txn.Txn;
import deltakv.engine.txn.TxnExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A real single-node core (RocksDB store, HLC, applier, committer, executor) plus the data layer. */
public final class DataFixture implements AutoCloseable {
    public final MvccStore store;
    public final TxnExecutor executor;
    public final ConflictStats stats = new ConflictStats();
    public final DataLayer data;
    public final Map<String, CommandSpec> commands;
    public final EngineConfig config;

    public DataFixture(Path dir, EngineConfig config) {
        this.config = config;
        this.store = MvccStore.open(dir);
        StateMachineApplier applier = new StateMachineApplier(store, true, new DataOps());
        LocalCommitter committer = new LocalCommitter(applier, new Hlc(WallClock.SYSTEM));
        RetryPolicy patient = new RetryPolicy(Duration.ofNanos(50_000), Duration.ofMillis(2), 1_000_000,
                Duration.ofSeconds(60), 3);
        this.executor = new TxnExecutor(store, committer, new SnapshotRegistry(), stats, patient);
        this.data = DataLayer.create(config, executor::execute);
        this.commands = DataCommands.table(data);
    }

    public DataFixture(Path dir, Variant variant) {
        this(dir, EngineConfig.defaults(variant));
    }

    public <T> T run(Function<Txn, T> body) {
        return executor.execute(body);
    }

    public Keyspace keyspace() {
        return data.keyspace();
    }

    public ListStore lists() {
        return data.lists();
    }

    public Compactor compactor() {
        return data.compactor().orElseThrow();
    }

    /** Runs one command in its own transaction, as the server would. */
    public Reply cmd(String... args) {
        List<byte[]> argv = new ArrayList<>();
        for (String a : args) argv.add(a.getBytes(UTF_8));
        CommandSpec spec = commands.get(args[0].toLowerCase());
        if (!spec.arityOk(argv.size())) throw new IllegalArgumentException("bad arity in test: " + Arrays.toString(args));
        return run(t -> spec.handler().execute(t, argv));
    }

    /** RPUSH/LPUSH in its own transaction, as the command runs it (delta-cf: decided at apply time). */
    public long push(String key, End end, String... values) {
        return now(run(t -> lists().pushCommand(t, b(key), end, bytesList(values), false)));
    }

    /** LPOP/RPOP key count in its own transaction, as the command runs it. */
    public List<String> pop(String key, End end, long count) {
        return strings(now(run(t -> lists().popCommand(t, b(key), end, count))).orElse(List.of()));
    }

    /** The value of an answer the executor has finished. */
    public static <T> T now(Decided<T> answer) {
        return ((Decided.Now<T>) answer).value();
    }

    public List<String> range(String key) {
        return strings(run(t -> lists().range(t, b(key), 0, -1)));
    }

    public String index(String key, long i) {
        byte[] v = run(t -> lists().index(t, b(key), i));
        return v == null ? null : new String(v, UTF_8);
    }

    public long len(String key) {
        return run(t -> lists().length(t, b(key)));
    }

    /** Live internal keys of {@code userKey} at the latest applied state, by scanning the store. */
    public List<byte[]> internalKeys(String userKey) {
        return run(t -> {
            List<byte[]> out = new ArrayList<>();
            for (KeyRange r : Keyspace.allRanges(b(userKey))) {
                for (Txn.KV kv : t.scan(r, Integer.MAX_VALUE, false, false)) out.add(kv.key());
            }
            return out;
        });
    }

    public int count(KeyRange range) {
        return run(t -> t.scan(range, Integer.MAX_VALUE, false, false).size());
    }

    public static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    public static List<byte[]> bytesList(String... values) {
        List<byte[]> out = new ArrayList<>();
        for (String v : values) out.add(b(v));
        return out;
    }

    public static List<String> strings(List<byte[]> values) {
        List<String> out = new ArrayList<>();
        for (byte[] v : values) out.add(new String(v, UTF_8));
        return out;
    }

    @Override
    public void close() {
        data.compactor().ifPresent(Compactor::close);
        store.close();
    }
}
