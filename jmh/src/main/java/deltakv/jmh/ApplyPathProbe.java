package deltakv.jmh;

/*
 * How to run (after `mvn -B -q -o -DskipTests -pl jmh -am package`):
 *
 *   java -cp jmh/target/benchmarks.jar deltakv.jmh.ApplyPathProbe [ops] [groupsPerEntry] [rounds]
 *
 * What it shows: the cost of the replicated state machine's apply function, the part every replica
 * runs for every log entry, per variant (rmw, delta, delta-cf). Phase 1 runs RPUSH on 16 lists through
 * the whole single-node stack as the RPUSH command does (WRONGTYPE check, push; in delta-cf an apply-time
 * operation) and records every applied operation group; its CPU time per op includes the transaction
 * bodies' MvccStore.get. Phase 2 replays that log into a fresh store with
 * StateMachineApplier.applyBatch(entry, index), as a follower does, and reports CPU time per group.
 * The de-dup window is set to a fifth of the log's HLC span so that record pruning runs, as it does
 * in a long cluster run with the default 60 s window.
 */

import deltakv.engine.EngineConfig;
import deltakv.engine.Variant;
import deltakv.engine.clock.Hlc;
import deltakv.engine.clock.OffsetClock;
import deltakv.engine.collections.DataLayer;
import deltakv.engine.collections.DataOps;
import deltakv.engine.collections.End;
import deltakv.engine.collections.KeyType;
import deltakv.engine.storage.MvccStore;
import deltakv.engine.txn.ApplyResult;
import deltakv.engine.txn.Committer;
import deltakv.engine.txn.ConflictStats;
import deltakv.engine.txn.Mutation;
import deltakv.engine.txn.OperationGroup;
import deltakv.engine.txn.SnapshotRegistry;
import deltakv.engine.txn.StateMachineApplier;
import deltakv.engine.txn.TxnExecutor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

public final class ApplyPathProbe {
    private static final byte[] ELEMENT = "element-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final int LISTS = 16;

    public static void main(String[] args) throws IOException {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int perEntry = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        for (String v : List.of("rmw", "delta", "delta-cf")) {
            List<OperationGroup> log = record(Variant.parse(v), ops);
            System.out.println(v + " " + shape(log));
            long span = log.get(log.size() - 1).commitTs() - log.get(0).commitTs();
            long window = Math.max(1, span / 5);
            long[] ns = new long[rounds];
            for (int r = 0; r < rounds; r++) ns[r] = replay(log, perEntry, window);
            Arrays.sort(ns);
            System.out.printf("%-8s replay: %d groups, %d per entry, median %.2f us thread CPU/group (min %.2f, max %.2f)%n",
                    v, log.size(), perEntry, ns[rounds / 2] / 1e3 / log.size(), ns[0] / 1e3 / log.size(),
                    ns[rounds - 1] / 1e3 / log.size());
        }
    }

    /** Runs {@code ops} RPUSHes through the full stack; returns the applied groups in apply order. */
    private static List<OperationGroup> record(Variant v, int ops) throws IOException {
        Path dir = Files.createTempDirectory("dkv-apply-rec-");
        List<OperationGroup> log = new ArrayList<>(ops);
        try (MvccStore store = MvccStore.open(dir)) {
            Hlc hlc = new Hlc(OffsetClock.system());
            Recording committer = new Recording(new StateMachineApplier(store, true, new DataOps()), hlc, log);
            TxnExecutor ex = new TxnExecutor(store, committer, new SnapshotRegistry(), new ConflictStats());
            DataLayer data = DataLayer.create(EngineConfig.defaults(v), ex::execute);
            long cpu0 = cpu();
            for (int i = 0; i < ops; i++) {
                byte[] key = ("list-" + (i % LISTS)).getBytes(StandardCharsets.UTF_8);
                ex.execute(txn -> data.keyspace().prepareWrite(txn, key, KeyType.LIST)
                        ? data.lists().pushCommand(txn, key, End.RIGHT, List.of(ELEMENT), false) : null);
            }
            long cpu = cpu() - cpu0;
            System.out.printf("%-8s full stack: %d RPUSH, %.2f us thread CPU/op (bodies + apply)%n", v, ops, cpu / 1e3 / ops);
            data.compactor().ifPresent(c -> c.close());
        } finally {
            deleteTree(dir);
        }
        return log;
    }

    /** Applies {@code log} to a fresh store, {@code perEntry} groups per log entry; returns CPU ns. */
    private static long replay(List<OperationGroup> log, int perEntry, long window) throws IOException {
        Path dir = Files.createTempDirectory("dkv-apply-rep-");
        try (MvccStore store = MvccStore.open(dir)) {
            StateMachineApplier applier = new StateMachineApplier(store, window, true, new DataOps());
            long cpu0 = cpu();
            long index = 0;
            for (int i = 0; i < log.size(); i += perEntry) {
                List<ApplyResult> rs = applier.applyBatch(log.subList(i, Math.min(log.size(), i + perEntry)), ++index);
                for (ApplyResult r : rs) {
                    if (!(r instanceof ApplyResult.Committed)) throw new IllegalStateException("replay diverged: " + r);
                }
            }
            return cpu() - cpu0;
        } finally {
            deleteTree(dir);
        }
    }

    /** Average size of a group's parts, so the replay cost can be read against what a group holds. */
    private static String shape(List<OperationGroup> log) {
        double n = log.size();
        long reads = 0, ranges = 0, puts = 0, deletes = 0, atTs = 0, atApply = 0;
        for (OperationGroup g : log) {
            reads += g.readKeys().size();
            ranges += g.readRanges().size();
            for (Mutation m : g.mutations()) {
                if (m instanceof Mutation.Put) puts++;
                else if (m instanceof Mutation.Delete) deletes++;
                else if (m instanceof Mutation.AtApply) atApply++;
                else atTs++;
            }
        }
        return String.format("groups: per group %.2f read keys, %.2f read ranges, %.2f puts, %.2f deletes, %.2f puts at commit ts,"
                + " %.2f apply-time ops", reads / n, ranges / n, puts / n, deletes / n, atTs / n, atApply / n);
    }

    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The local committer's steps, keeping each applied group (with its commit ts) in order. */
    private static final class Recording implements Committer {
        private final StateMachineApplier applier;
        private final Hlc hlc;
        private final List<OperationGroup> log;

        Recording(StateMachineApplier applier, Hlc hlc, List<OperationGroup> log) {
            this.applier = applier;
            this.hlc = hlc;
            this.log = log;
        }

        @Override
        public synchronized ApplyResult commit(OperationGroup group) {
            OperationGroup g = group.withCommitTs(hlc.next());
            ApplyResult r = applier.apply(g);
            if (r instanceof ApplyResult.Committed) log.add(g);
            return r;
        }

        @Override
        public long readTimestamp() {
            return applier.lastAppliedTs();
        }
    }
}
