package deltakv.engine.raft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Records which cluster a Raft folder belongs to (the sorted peer ids), so a node started on another
 * cluster's folder, a foreign folder or with a different peer list refuses with a one-line reason
 * instead of joining with a log that does not match.
 */
final class ClusterIdentity {
    static final String FILE = "deltakv-cluster";
    private static final String GROUP_DIR = RaftReplica.GROUP_ID.getUuid().toString();

    private ClusterIdentity() {}

    static void check(Path raftDir, PeerList peers) throws IOException {
        String expected = "peers " + String.join(",", peers.ids().stream().sorted().toList()) + "\n";
        Path marker = raftDir.resolve(FILE);
        if (Files.isRegularFile(marker)) {
            String found = Files.readString(marker, StandardCharsets.UTF_8);
            if (!found.equals(expected)) {
                throw new IOException("data directory " + raftDir + " belongs to a cluster with "
                        + found.trim() + ", not " + expected.trim());
            }
            return;
        }
        if (Files.exists(raftDir)) {
            if (!Files.isDirectory(raftDir)) throw new IOException(raftDir + " is not a directory");
            List<String> entries;
            try (Stream<Path> s = Files.list(raftDir)) {
                entries = s.map(p -> p.getFileName().toString()).toList();
            }
            if (!entries.isEmpty()) {
                throw new IOException("data directory " + raftDir + " is not a DeltaKV raft folder (found "
                        + (entries.contains(GROUP_DIR) ? "a log without a cluster marker" : entries.get(0)) + ")");
            }
        }
        Files.createDirectories(raftDir);
        Files.writeString(marker, expected, StandardCharsets.UTF_8);
    }
}
