package deltakv.cli;

import deltakv.runner.nightly.Budget;
import deltakv.runner.nightly.Launcher;
import deltakv.runner.nightly.Nightly;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dkv nightly [--budget 30m] [--store store] [--baseline FILE.json] [--seed N] [--shard I/N] | --merge DIR…}
 * (CLI.md, docs/nightly.md). The planning, running and summaries live in {@code deltakv.runner.nightly}; this
 * parses options and maps errors to exit codes.
 */
@Command(name = "nightly", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The nightly verification run: a slice of workloads × nemeses × variants plus catalogue scenarios "
                + "that fits --budget, each cell its own process; nightly.txt/.json/.html in store/nightly/. "
                + "Exit as Jepsen's test-all: 255 a run crashed, else 2 unknown, else 1 invalid/missed/gate failed, else 0.")
public final class NightlyCommand implements Callable<Integer> {
    @Option(names = "--budget", defaultValue = "30m", description = "Wall time to fill: 90s, 30m, 2h (default: ${DEFAULT-VALUE}).")
    String budget;

    @Option(names = "--store", defaultValue = "store", description = "Results store (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--baseline", paramLabel = "FILE.json",
            description = "Also run the bench points and dkv gate against this bench results file (an earlier nightly's bench/bench.json).")
    Path baseline;

    @Option(names = "--seed", description = "Picks the rotation slice and seeds the runs (default: today's date as days since 1970).")
    Long seed;

    @Option(names = "--shard", paramLabel = "I/N", defaultValue = "1/1",
            description = "Run shard I of N of the night's plan (N machines, each with this --budget; default: ${DEFAULT-VALUE}).")
    String shard;

    @Option(names = "--plan", paramLabel = "FILE",
            description = "Run these cells instead of the rotation: lines 'test WORKLOAD NEMESIS VARIANT [SECONDS] [options]' "
                    + "or 'reproduce BUG' (a nightly's plan.txt is one).")
    Path plan;

    @Option(names = "--dry-run", description = "Print the plan and stop.")
    boolean dryRun;

    @Option(names = "--merge", arity = "1..*", paramLabel = "DIR",
            description = "Combine the nightly directories of one night's shards into one summary (in --store).")
    List<Path> merge = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            if (!merge.isEmpty()) {
                for (String other : java.util.List.of("--budget", "--baseline", "--seed", "--shard", "--plan", "--dry-run")) {
                    if (spec.commandLine().getParseResult().hasMatchedOption(other)) {
                        throw new IllegalArgumentException("--merge combines finished shards: " + other + " does not apply");
                    }
                }
                return Nightly.merge(merge, store, System.out);
            }
            double seconds = Budget.parse(budget);
            String[] s = shard.split("/", -1);
            if (s.length != 2 || !s[0].matches("\\d+") || !s[1].matches("\\d+")) {
                throw new IllegalArgumentException("--shard must be I/N, got '" + shard + "'");
            }
            int i = Integer.parseInt(s[0]);
            int n = Integer.parseInt(s[1]);
            if (n < 1 || i < 1 || i > n) throw new IllegalArgumentException("--shard must be I/N with 1 <= I <= N, got '" + shard + "'");
            long night = seed != null ? seed : LocalDate.now(ZoneOffset.UTC).toEpochDay();
            var o = new Nightly.Options(store, seconds, night, baseline, i, n, plan, dryRun);
            return Nightly.run(o, new Launcher(Main.class.getName()), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("dkv nightly: " + e.getMessage());
            return ExitCodes.BAD_ARGUMENTS;
        } catch (java.io.IOException e) {
            System.err.println("dkv nightly: " + e.getMessage());
            return ExitCodes.CRASH;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("dkv nightly: interrupted");
            return ExitCodes.CRASH;
        }
    }
}
