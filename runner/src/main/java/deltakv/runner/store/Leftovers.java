package deltakv.runner.store;

import deltakv.nemesis.cluster.ClusterLayout;
import deltakv.nemesis.cluster.LocalCluster;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Nodes of runs whose harness died before tearing down. Every run with a local cluster leaves
 * {@code store/running/<harness-pid>} naming its cluster directory while it runs; a later run finds files
 * whose harness is gone and stops those clusters' nodes by PID. (Nodes also watch the harness's PID and
 * exit by themselves; this catches what that missed.)
 */
public final class Leftovers {
    private Leftovers() {}

    public static Path register(Path store, Path clusterDir) throws IOException {
        Path dir = store.resolve("running");
        Files.createDirectories(dir);
        Path f = dir.resolve(String.valueOf(ProcessHandle.current().pid()));
        Files.writeString(f, clusterDir.toAbsolutePath() + "\n");
        return f;
    }

    /** Stops the nodes of clusters whose harness is gone; returns one line per cluster swept. */
    public static List<String> sweep(Path store) {
        List<String> out = new ArrayList<>();
        Path dir = store.resolve("running");
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                long pid;
                try {
                    pid = Long.parseLong(f.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                try {
                    Path cluster = Path.of(Files.readString(f).trim());
                    if (ClusterLayout.exists(cluster)) {
                        LocalCluster.open(cluster).stopAll();
                        out.add("swept the nodes of " + cluster + " (its harness, pid " + pid + ", is gone)");
                    }
                    Files.deleteIfExists(f);
                } catch (IOException | RuntimeException e) {
                    out.add("could not sweep " + f + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            out.add("could not read " + dir + ": " + e.getMessage());
        }
        return out;
    }
}
