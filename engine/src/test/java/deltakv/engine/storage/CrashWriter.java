package deltakv.engine.storage;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.util.List;

/**
 * Child process for {@link KillNineDurabilityTest}: writes versions forever and prints the commit
 * ts of every batch after {@code write} returned, until it is killed.
 */
public final class CrashWriter {
    private CrashWriter() {}

    public static void main(String[] args) {
        MvccStore store = MvccStore.open(Path.of(args[0]));
        for (long ts = store.lastAppliedTs() + 1; ; ts++) {
            store.write(ts, List.of(new VersionedWrite.Put(("k" + (ts % 100)).getBytes(UTF_8), Long.toString(ts).getBytes(UTF_8)),
                    new VersionedWrite.Put("last".getBytes(UTF_8), Long.toString(ts).getBytes(UTF_8))));
            System.out.println(ts);
        }
    }
}
