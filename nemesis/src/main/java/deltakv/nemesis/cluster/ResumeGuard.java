package deltakv.nemesis.cluster;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Nodes watch the harness's PID and exit when it dies — unless they are paused (SIGSTOP), when they
 * cannot watch anything. This small shell process outlives a killed harness: once the harness's PID is
 * gone it sends SIGCONT to every node of the cluster directory, and the resumed nodes see the harness
 * gone and exit. Stopped by PID with the cluster.
 */
final class ResumeGuard {
    private ResumeGuard() {}

    static Process start(Path clusterDir, long harnessPid) throws IOException {
        String script = "while kill -0 " + harnessPid + " 2>/dev/null; do sleep 1; done; "
                + "for f in \"$1\"/*/node.pid; do [ -f \"$f\" ] && kill -CONT \"$(cat \"$f\")\" 2>/dev/null; done; exit 0";
        return new ProcessBuilder("sh", "-c", script, "dkv-resume-guard", clusterDir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
