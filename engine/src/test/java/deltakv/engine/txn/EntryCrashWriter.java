package deltakv.engine.txn;

import static java.nio.charset.StandardCharsets.UTF_8;

import deltakv.engine.storage.MvccStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process for {@link EntryCrashAtomicityTest}: applies log entries of {@value #GROUPS} groups
 * forever (entry i's group j writes key "e{i}/{j}") and prints each index once applyBatch returned.
 */
public final class EntryCrashWriter {
    static final int GROUPS = 4;

    private EntryCrashWriter() {}

    static byte[] key(long entry, int group) {
        return ("e" + entry + "/" + group).getBytes(UTF_8);
    }

    public static void main(String[] args) {
        MvccStore store = MvccStore.open(Path.of(args[0]));
        StateMachineApplier applier = new StateMachineApplier(store);
        long ts = store.lastAppliedTs();
        for (long i = applier.appliedIndex() + 1; ; i++) {
            List<OperationGroup> entry = new ArrayList<>();
            for (int j = 0; j < GROUPS; j++) {
                ++ts;
                entry.add(new OperationGroup(i * GROUPS + j, ts - 1, ts, List.of(), List.of(),
                        List.of(new Mutation.Put(key(i, j), new byte[64]))));
            }
            applier.applyBatch(entry, i);
            System.out.println(i);
        }
    }
}
