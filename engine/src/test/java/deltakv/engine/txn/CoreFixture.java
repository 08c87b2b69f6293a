package deltakv.engine.txn;

import static java.nio.charset.StandardCharsets.UTF_8;

import deltakv.engine.clock.Hlc;
import deltakv.engine.clock.OffsetClock;
import deltakv.engine.storage.MvccStore;
import java.nio.file.Path;

/** A real single-node engine core in a temp directory: store, HLC, applier, committer, executor. */
final class CoreFixture implements AutoCloseable {
    final Path dir;
    final MvccStore store;
    final OffsetClock clock = OffsetClock.system();
    final Hlc hlc = new Hlc(clock);
    final StateMachineApplier applier;
    final LocalCommitter committer;
    final SnapshotRegistry snapshots = new SnapshotRegistry();
    final ConflictStats stats = new ConflictStats();
    final TxnExecutor executor;

    CoreFixture(Path dir) {
        this.dir = dir;
        this.store = MvccStore.open(dir);
        this.applier = new StateMachineApplier(store);
        this.committer = new LocalCommitter(applier, hlc);
        this.executor = new TxnExecutor(store, committer, snapshots, stats);
    }

    TxnExecutor executor(Committer c, RetryPolicy policy) {
        return new TxnExecutor(store, c, snapshots, stats, policy);
    }

    static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    static String s(byte[] b) {
        return b == null ? null : new String(b, UTF_8);
    }

    void put(String k, String v) {
        executor.execute(t -> {
            t.put(b(k), b(v));
            return null;
        });
    }

    String get(String k) {
        return executor.execute(t -> s(t.get(b(k))));
    }

    @Override
    public void close() {
        store.close();
    }
}
