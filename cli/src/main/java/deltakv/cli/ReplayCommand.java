package deltakv.cli;

import deltakv.nemesis.Fault;
import deltakv.runner.TestOptions;
import deltakv.runner.TestRun;
import deltakv.runner.store.Json;
import deltakv.runner.store.RecordedSchedule;
import deltakv.runner.store.RunDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code dkv replay RUN_DIR} (HARNESS §4): the same workload seed and options, and the recorded faults at
 * their recorded times ("the leader" resolved at that moment). Interleavings differ, as in Jepsen: a replay
 * reproduces the conditions, not the exact history. Prints how its verdict compares to the original's and
 * exits with its own verdict's code.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Run a stored test again: the recorded seed, options and fault schedule. Exit codes as dkv test.")
public final class ReplayCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_DIR", description = "A run directory, e.g. store/latest.")
    Path dir;

    @Override
    public Integer call() {
        TestOptions options;
        List<Fault> schedule;
        Object originalValid;
        Path original;
        try {
            if (!Files.isDirectory(dir) || !RunDir.isRun(dir)) {
                throw new IllegalArgumentException(dir + " is not a run directory (no " + RunDir.TEST + ")");
            }
            original = dir.toRealPath();
            @SuppressWarnings("unchecked")
            Map<String, Object> opts = (Map<String, Object>) Json.read(original.resolve(RunDir.TEST)).get("options");
            if (opts == null) throw new IllegalArgumentException(RunDir.TEST + " has no options");
            options = TestOptions.fromMap(opts);
            Path nemesis = original.resolve(RunDir.NEMESIS);
            schedule = Files.exists(nemesis) ? RecordedSchedule.read(nemesis) : List.of();
            Path results = original.resolve(RunDir.RESULTS_JSON);
            originalValid = Files.exists(results) ? Json.read(results).get("valid?") : "not checked";
            TestRun.validate(options);
        } catch (IllegalArgumentException e) {
            System.err.println("dkv replay: " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        } catch (IOException e) {
            System.err.println("dkv replay: cannot read " + dir + ": " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        }
        System.out.println("replaying " + original + ": seed " + options.seed() + ", " + schedule.size() + " recorded faults");
        try {
            TestRun.Result r = TestRun.replay(options, schedule, original, System.out);
            Object replayValid = Json.read(r.runDir().resolve(RunDir.RESULTS_JSON)).get("valid?");
            String same = String.valueOf(replayValid).equals(String.valueOf(originalValid)) ? "the same verdict" : "a different verdict";
            System.out.println("replay: valid? " + replayValid + "; original: valid? " + originalValid + " (" + same + ")");
            System.out.println(r.runDir()); // last, as dkv test ends
            return r.exitCode();
        } catch (IllegalArgumentException e) {
            System.err.println("dkv replay: " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        } catch (Exception e) {
            System.err.println("dkv replay: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCodes.CRASH;
        }
    }
}
