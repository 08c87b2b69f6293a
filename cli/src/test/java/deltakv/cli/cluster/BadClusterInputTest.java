package deltakv.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import deltakv.cli.ExitCodes;
import deltakv.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad peer lists, ports in use and foreign or corrupt data directories: one-line reason, non-zero exit. */
class BadClusterInputTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String output) {}

    /** Runs argument checks in-process: they must fail before anything starts. */
    private static Outcome inProcess(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Outcome(Main.run(args), err.toString(StandardCharsets.UTF_8).trim());
        } finally {
            System.setErr(old);
        }
    }

    /** Runs a node as a real process and returns its exit code and the stderr line(s). */
    private Outcome process(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path errFile = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("node did not exit: " + String.join(" ", args));
        }
        return new Outcome(p.exitValue(), Files.readString(errFile).trim());
    }

    private static void assertOneLine(Outcome o, String expected) {
        assertEquals(1, o.output().lines().count(), "one line: " + o.output());
        assertTrue(o.output().contains(expected), o.output());
    }

    private String peers(int base) {
        return "n1=127.0.0.1:" + (base + 620) + ":" + base + ",n2=127.0.0.1:" + (base + 621) + ":" + (base + 1);
    }

    @Test
    void wrongPeerListsAreBadArguments() {
        String data = dir.resolve("d").toString();
        Outcome notInList = inProcess("node", "--id", "n9", "--peers", peers(30000), "--data", data);
        assertEquals(ExitCodes.BAD_ARGUMENTS, notInList.code());
        assertOneLine(notInList, "--id n9 is not in --peers");
        Outcome malformed = inProcess("node", "--id", "n1", "--peers", "n1=127.0.0.1:7001", "--data", data);
        assertEquals(ExitCodes.BAD_ARGUMENTS, malformed.code());
        assertOneLine(malformed, "expected id=host:raftPort:redisPort");
        Outcome dupId = inProcess("node", "--id", "n1", "--peers",
                "n1=127.0.0.1:7001:6381,n1=127.0.0.1:7002:6382", "--data", data);
        assertEquals(ExitCodes.BAD_ARGUMENTS, dupId.code());
        assertOneLine(dupId, "appears twice");
        Outcome badPort = inProcess("node", "--id", "n1", "--peers", "n1=127.0.0.1:99999:6381", "--data", data);
        assertEquals(ExitCodes.BAD_ARGUMENTS, badPort.code());
        assertOneLine(badPort, "bad port '99999'");
        Outcome badBounds = inProcess("node", "--id", "n1", "--port", "0", "--data", data, "--pop-bounds", "lazy");
        assertEquals(ExitCodes.BAD_ARGUMENTS, badBounds.code());
        assertOneLine(badBounds, "unknown --pop-bounds 'lazy' (expected delta or claim-gc)");
        Outcome wrongVariant = inProcess("node", "--id", "n1", "--port", "0", "--data", data, "--variant", "rmw",
                "--pop-bounds", "claim-gc");
        assertEquals(ExitCodes.BAD_ARGUMENTS, wrongVariant.code());
        assertOneLine(wrongVariant, "--pop-bounds claim-gc applies to variant delta only");
    }

    @Test
    void aStoreWrittenWithOtherPopBoundsIsABadArgument() throws Exception {
        Path data = Files.createDirectories(dir.resolve("claim-gc-store"));
        Files.writeString(data.resolve("dkv-engine.properties"), "variant=delta\npop-bounds=claim-gc\n");
        Outcome o = inProcess("node", "--id", "n1", "--port", "0", "--data", data.toString());
        assertEquals(ExitCodes.BAD_ARGUMENTS, o.code(), o.output());
        assertOneLine(o, "was written with --variant delta --pop-bounds claim-gc, not --variant delta --pop-bounds delta");
    }

    @Test
    void portInUseAndForeignOrCorruptDataDirectoriesExitWithAReason() throws Exception {
        int base = ProcessCluster.freeBase(2);
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress("127.0.0.1", base + 620));
            Outcome o = process("node", "--id", "n1", "--peers", peers(base), "--data", dir.resolve("a").toString());
            assertNotEquals(0, o.code());
            assertOneLine(o, "raft port 127.0.0.1:" + (base + 620) + " is already in use");
        }

        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("photos.txt"), "not ours");
        Outcome f = process("node", "--id", "n1", "--peers", peers(base), "--data", foreign.toString());
        assertNotEquals(0, f.code());
        assertOneLine(f, "is not a DeltaKV cluster member's");

        Path other = Files.createDirectories(dir.resolve("other").resolve("raft"));
        Files.writeString(other.resolve("deltakv-cluster"), "peers n1,n5,n7\n");
        Outcome o2 = process("node", "--id", "n1", "--peers", peers(base), "--data", dir.resolve("other").toString());
        assertNotEquals(0, o2.code());
        assertOneLine(o2, "belongs to a cluster with peers n1,n5,n7");

        Path corrupt = Files.createDirectories(dir.resolve("corrupt").resolve("store"));
        Files.writeString(corrupt.resolve("CURRENT"), "garbage\n");
        Outcome o3 = process("node", "--id", "n1", "--peers", peers(base), "--data", dir.resolve("corrupt").toString());
        assertNotEquals(0, o3.code());
        assertEquals(1, o3.output().lines().count(), o3.output());
        assertTrue(o3.output().startsWith("dkv: cannot start node n1:"), o3.output());
    }
}
