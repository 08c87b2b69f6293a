package deltakv.runner.nightly;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code dkv ARGS…} as its own process: this JVM's java, its class path (in the environment: a test's
 * class path is longer than a command line should be), the flags CLI.md's launcher sets, and the CLI's main
 * class. The cell's output goes to a file.
 */
public record Launcher(String mainClass) {
    public Process start(List<String> args, Path output) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Djava.util.concurrent.ForkJoinPool.common.parallelism=4");
        cmd.add(mainClass);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        return pb.start();
    }
}
