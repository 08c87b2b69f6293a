package deltakv.runner.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a request path may reach, and which Host headers the server answers. */
class SafePathTest {
    @TempDir
    Path dir;

    @Test
    void onlyFilesInsideTheStoreAfterEveryLinkIsResolved() throws Exception {
        Path store = Files.createDirectories(dir.resolve("store"));
        Path run = Files.createDirectories(store.resolve("t/20261207T000000.000"));
        Files.writeString(run.resolve("summary.txt"), "ok");
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(store.resolve("latest"), store.relativize(run));
        Files.createSymbolicLink(run.resolve("out.txt"), dir.resolve("secret.txt"));
        SafePath safe = new SafePath(store);
        assertEquals(Optional.of(run.toRealPath().resolve("summary.txt")), safe.resolve("latest/summary.txt"));
        assertTrue(safe.resolve("t/20261207T000000.000/summary.txt").isPresent());
        for (String bad : List.of("../secret.txt", "..%2Fsecret.txt", "%2e%2e/secret.txt", "/etc/passwd", "t/../../secret.txt",
                "t/20261207T000000.000/out.txt", "a%00b", "%zz", "missing")) {
            assertEquals(Optional.empty(), safe.resolve(bad), bad);
        }
        assertFalse(safe.inside(run.resolve("out.txt")));
        assertTrue(safe.inside(run.resolve("summary.txt")));
    }

    @Test
    void loopbackNamesOrTheBoundAddressOnly() throws Exception {
        try (Server local = Server.start(dir, "127.0.0.1", 0)) {
            for (String ok : List.of("127.0.0.1:8080", "localhost", "LOCALHOST:1", "[::1]:8080")) assertTrue(local.hostAllowed(ok), ok);
            for (String bad : List.of("evil.example:8080", "127.0.0.1.evil.example")) assertFalse(local.hostAllowed(bad), bad);
            assertFalse(local.hostAllowed(null));
        }
        try (Server any = Server.start(dir, "0.0.0.0", 0)) {
            assertTrue(any.hostAllowed("myhost.lan:8080"));
        }
    }

    @Test
    void queryParameters() {
        assertEquals(java.util.Map.of("valid", "false", "workload", "list-append"), Server.query("valid=false&workload=list-append"));
        assertEquals(java.util.Map.of("a", "b c"), Server.query("a=b+c&%zz=1"));
    }
}
