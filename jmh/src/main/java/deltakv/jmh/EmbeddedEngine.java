package deltakv.jmh;

import deltakv.engine.EngineConfig;
import deltakv.engine.clock.Hlc;
import deltakv.engine.clock.OffsetClock;
import deltakv.engine.collections.DataLayer;
import deltakv.engine.collections.DataOps;
import deltakv.engine.storage.MvccStore;
import deltakv.engine.txn.ConflictStats;
import deltakv.engine.txn.LocalCommitter;
import deltakv.engine.txn.SnapshotRegistry;
import deltakv.engine.txn.StateMachineApplier;
import deltakv.engine.txn.Txn;
import deltakv.engine.txn.TxnExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The engine stack of one node without the network: RocksDB store in a temp dir, HLC, apply function,
 * local committer, transaction executor and the variant's data layer. Benchmarks call the data layer
 * the way the Redis commands do, so they measure the design, not RESP parsing.
 */
final class EmbeddedEngine implements AutoCloseable {
    final Path dir;
    final MvccStore store;
    final TxnExecutor executor;
    final DataLayer data;

    EmbeddedEngine(EngineConfig cfg) {
        try {
            dir = Files.createTempDirectory("dkv-jmh-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store = MvccStore.open(dir);
        OffsetClock wall = OffsetClock.system();
        Hlc hlc = new Hlc(wall);
        LocalCommitter committer = new LocalCommitter(new StateMachineApplier(store, true, new DataOps()), hlc);
        executor = new TxnExecutor(store, committer, new SnapshotRegistry(), new ConflictStats());
        data = DataLayer.create(cfg, executor::execute, wall::millis);
    }

    <T> T execute(Function<Txn, T> body) {
        return executor.execute(body);
    }

    @Override
    public void close() {
        data.compactor().ifPresent(c -> c.close());
        store.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
