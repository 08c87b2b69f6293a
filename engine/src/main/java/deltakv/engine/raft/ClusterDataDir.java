package deltakv.engine.raft;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Layout of a cluster member's data directory: {@code store/} (RocksDB) and {@code raft/} (Raft log
 * and snapshots). Anything else there means the directory is not ours and the node refuses it.
 */
public final class ClusterDataDir {
    /** tmp/: the node process's java.io.tmpdir when a harness or `dkv cluster` starts it (NodeProcess). */
    static final Set<String> OURS = Set.of("store", "raft", "node.log", "node.pid", "tmp");

    private ClusterDataDir() {}

    public static Path store(Path data) {
        return data.resolve("store");
    }

    public static Path raft(Path data) {
        return data.resolve("raft");
    }

    /** Creates the directory if missing; throws with a one-line reason if it holds something else. */
    public static void check(Path data) throws IOException {
        if (!Files.exists(data)) {
            Files.createDirectories(data);
            return;
        }
        if (!Files.isDirectory(data)) throw new IOException("data directory " + data + " is not a directory");
        try (Stream<Path> s = Files.list(data)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (!OURS.contains(name)) {
                    throw new IOException("data directory " + data + " is not a DeltaKV cluster member's (found '"
                            + name + "'; expected only store/ and raft/)");
                }
            }
        }
    }
}
