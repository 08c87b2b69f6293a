package deltakv.nemesis.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Per-process hosts files ({@code -Djdk.net.hosts.file}): each node resolves peer names through its
 * own file, so the harness can send every link through its own proxy address.
 */
public final class HostsFiles {
    // The JDK then resolves only from this file, so localhost must be in it too.
    private static final String HEADER = "# dkv: node names as this node sees them\n127.0.0.1 localhost\n";

    private HostsFiles() {}

    /** Maps every node name of {@code layout} to {@code address}. */
    public static void write(Path file, ClusterLayout layout, String address) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER);
        for (String id : layout.ids()) sb.append(address).append(' ').append(id).append('\n');
        Files.writeString(file, sb.toString());
    }

    /** Writes explicit name → address entries (the partition harness' per-link addresses). */
    public static void write(Path file, Map<String, String> nameToAddress) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER);
        nameToAddress.forEach((name, addr) -> sb.append(addr).append(' ').append(name).append('\n'));
        Files.writeString(file, sb.toString());
    }
}
