package deltakv.engine.raft;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.statemachine.impl.FileListSnapshotInfo;

/**
 * Snapshot folders in the Raft state-machine directory: {@code snapshot.<term>_<index>/} holding a
 * RocksDB checkpoint plus {@code snapshot.meta} (the applied commit ts it contains). Ratis ships
 * these files to a lagging follower and renames them into its state-machine directory as a whole.
 */
final class SnapshotDirs {
    static final String META = "snapshot.meta";
    private static final Pattern NAME = Pattern.compile("snapshot\\.(\\d+)_(\\d+)");

    private SnapshotDirs() {}

    static Path dirFor(Path smDir, TermIndex ti) {
        return smDir.resolve("snapshot." + ti.getTerm() + "_" + ti.getIndex());
    }

    /** The newest complete snapshot folder, as Ratis snapshot info (file list, term, index). */
    static Optional<FileListSnapshotInfo> latest(Path smDir) throws IOException {
        Optional<Path> dir = all(smDir).stream().max(Comparator.comparingLong(SnapshotDirs::index));
        if (dir.isEmpty()) return Optional.empty();
        Matcher m = NAME.matcher(dir.get().getFileName().toString());
        m.matches();
        List<FileInfo> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir.get())) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                if (!f.getFileName().toString().endsWith(".md5")) files.add(new FileInfo(f.toAbsolutePath(), null));
            }
        }
        return Optional.of(new FileListSnapshotInfo(files, Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
    }

    /** Complete snapshot folders (those with their meta file; a half-copied one has none). */
    static List<Path> all(Path smDir) throws IOException {
        if (!Files.isDirectory(smDir)) return List.of();
        try (Stream<Path> s = Files.list(smDir)) {
            return s.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isRegularFile(p.resolve(META))).toList();
        }
    }

    static long index(Path dir) {
        Matcher m = NAME.matcher(dir.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(2)) : -1;
    }

    static void writeMeta(Path dir, long appliedTs) throws IOException {
        Files.writeString(dir.resolve(META), "applied-ts=" + appliedTs + "\n");
    }

    static long appliedTs(Path dir) throws IOException {
        String s = Files.readString(dir.resolve(META)).trim();
        if (!s.startsWith("applied-ts=")) throw new IOException("bad " + dir.resolve(META) + ": " + s);
        return Long.parseLong(s.substring("applied-ts=".length()));
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(f);
        }
    }
}
