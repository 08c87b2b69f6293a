package deltakv.cli.harness;

import deltakv.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code dkv} commands in this JVM and captures what they print: the tests' one-liner. */
final class Harness {
    private Harness() {}

    /** Exit code, stdout, stderr, and the run directory a test printed last (null for other commands). */
    record Outcome(int code, String out, String err) {
        Path runDir() {
            List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? null : Path.of(lines.get(lines.size() - 1).trim());
        }

        String verdictLine() {
            return out.lines().filter(l -> l.startsWith("valid? ")).reduce((a, b) -> b).orElse("(no verdict)");
        }
    }

    static synchronized Outcome dkv(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(new Tee(out, oldOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, oldErr), true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8).trim());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** {@code dkv test --store STORE ARGS…} with short, fixed defaults for tests. */
    static Outcome test(Path store, String... args) {
        List<String> a = new ArrayList<>(List.of("test", "--store", store.toString()));
        a.addAll(List.of(args));
        return dkv(a.toArray(String[]::new));
    }

    /** Node processes whose data directory is under {@code dir} (the -Ddkv.node=DIR marker). */
    static List<ProcessHandle> nodesUnder(Path dir) {
        String marker = "-Ddkv.node=" + dir.toAbsolutePath();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().map(c -> c.contains(marker)).orElse(false)).toList();
    }

    /** Fails (after killing them) if node processes of {@code store} are still running: a test must stop what it starts. */
    static void assertNoNodesLeft(Path store) {
        List<ProcessHandle> left = nodesUnder(store);
        left.forEach(ProcessHandle::destroyForcibly);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), left.stream().map(ProcessHandle::pid).toList(),
                "node processes left running");
    }

    /** Copies to the console as well, so a failing CI run shows the run's progress. */
    private static final class Tee extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        Tee(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
