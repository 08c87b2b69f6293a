package deltakv.cli;

import deltakv.checker.CheckOptions;
import deltakv.checker.CheckRun;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dkv check}: runs a checker over a history file (CLI.md); the work is in {@link CheckRun}. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a Jepsen history (EDN or elle-cli JSON); prints `valid? true|false|unknown` first.")
public final class CheckCommand implements Callable<Integer> {
    static final class Target {
        @Option(names = "--workload", required = true,
                description = "list-append, rw-register, queue, counter, set or set-full")
        String workload;

        @Option(names = "--model", required = true,
                description = "register, cas-register, multi-register, mutex, fifo-queue, deque or set")
        String model;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Parameters(index = "0", paramLabel = "HISTORY", description = "history file")
    Path history;

    @Option(names = "--initial-value", paramLabel = "EDN", description = "initial register value for --model")
    String initialValue;

    @Option(names = "--consistency-models", split = ",", paramLabel = "MODEL",
            description = "Elle consistency models to check (default: ${DEFAULT-VALUE})",
            defaultValue = "strict-serializable")
    List<String> consistencyModels;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "search budget; exceeding it gives valid? unknown (default: checker's own, 60 s for Elle)",
            defaultValue = "0")
    double timeLimit;

    @Option(names = "--out", paramLabel = "DIR", description = "write results.edn, results.json and explanations here")
    Path out;

    @Option(names = "--rw-register-option", split = ",", paramLabel = "OPT",
            description = "rw-register version-order inference: wfr-keys, sequential-keys, linearizable-keys")
    Set<String> registerOptions = new LinkedHashSet<>();

    @Override
    public Integer call() {
        try {
            if (!(timeLimit >= 0)) throw new IllegalArgumentException("--time-limit must be 0 (the checker's own) or more, got " + timeLimit);
            deltakv.checker.elle.ConsistencyModels.validate(consistencyModels);
        } catch (IllegalArgumentException e) {
            System.err.println("dkv check: " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        }
        CheckOptions opts = new CheckOptions(consistencyModels, timeLimit, initialValue, out, registerOptions);
        boolean workload = target.workload != null;
        return CheckRun.run(workload, workload ? target.workload : target.model, history, opts, System.out, System.err);
    }
}
